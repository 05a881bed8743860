package io.pero.cli.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes downloaded messages under the output root, one directory per message, every file forced to disk before
 * {@link #write} returns (so the caller may ack). A message whose directory already exists is a duplicate, which
 * at-least-once delivery allows: it goes to {@code <uuid>.dup-<n>/} with the lowest free {@code n}, and both copies stay.
 */
public final class DownloadWriter {
    private static final Logger log = LoggerFactory.getLogger(DownloadWriter.class);
    static final String DUPLICATE_SUFFIX = ".dup-";
    static final String UNPARSEABLE_PREFIX = "unparseable-";

    /** Where a message went and whether it was a duplicate. */
    public record Written(Path directory, boolean duplicate) {
    }

    private final Path root;

    public DownloadWriter(Path root) {
        this.root = root;
    }

    public Written write(String uuid, List<DownloadLayout.OutputFile> files) throws IOException {
        Written target = createDirectory(DownloadLayout.safeName(uuid));
        for (DownloadLayout.OutputFile file : files) {
            writeDurably(target.directory().resolve(file.name()), file.content());
        }
        syncDirectory(target.directory());
        syncDirectory(root);
        return target;
    }

    /** Keeps a body that is not a processing request as {@code unparseable-<n>.bin} in the root. */
    public Path writeUnparseable(byte[] body) throws IOException {
        for (int n = 1; ; n++) {
            Path file = root.resolve(UNPARSEABLE_PREFIX + n + ".bin");
            try {
                writeNew(file, body);
                syncDirectory(root);
                return file;
            } catch (FileAlreadyExistsException taken) {
                log.debug("name taken path={}", file);
            }
        }
    }

    // Differs from the original: an existing <uuid>/ stopped the whole download; duplicates are expected under
    // at-least-once delivery, so both copies are kept.
    private Written createDirectory(String name) throws IOException {
        try {
            return new Written(Files.createDirectory(root.resolve(name)), false);
        } catch (FileAlreadyExistsException first) {
            for (int n = 1; ; n++) {
                try {
                    return new Written(Files.createDirectory(root.resolve(name + DUPLICATE_SUFFIX + n)), true);
                } catch (FileAlreadyExistsException taken) {
                    log.debug("duplicate directory taken name={}{}{}", name, DUPLICATE_SUFFIX, n);
                }
            }
        }
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeAll(ch, content);
        }
    }

    private static void writeNew(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeAll(ch, content);
        }
    }

    private static void writeAll(FileChannel ch, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            ch.write(buffer);
        }
        ch.force(true);
    }

    /** Makes the new directory entries durable; some platforms cannot open a directory, which only costs durability. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("directory not synced path={} cause={}", dir, e.toString());
        }
    }
}
