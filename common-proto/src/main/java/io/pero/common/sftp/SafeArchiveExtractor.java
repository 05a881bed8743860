package io.pero.common.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts a stage model archive: tar (plain, gz, bz2, xz; detected by content) or zip. No entry may land outside
 * the target directory: {@code ../} paths, absolute paths, and symlinks or hard links pointing outside are
 * refused with {@link UnsafeArchiveException} and nothing partial is left behind.
 * <p>The archive is unpacked into a staging directory beside {@code targetDir} and moved into place only when every
 * entry passed. If {@code targetDir} exists, the archive's top-level entries replace same-named ones in it.
 * Regular files, directories and safe symlinks are extracted; devices and fifos are skipped with a WARN.
 */
public final class SafeArchiveExtractor {
    private static final Logger log = LoggerFactory.getLogger(SafeArchiveExtractor.class);

    private SafeArchiveExtractor() {
    }

    public static void extract(Path archive, Path targetDir) throws IOException {
        // Differs from the original: zip archives get the same traversal checks as tar (the original checked tar only).
        ArchiveFormat format = ArchiveFormat.detect(archive);
        Path target = targetDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new IOException("cannot extract into the file system root: " + targetDir);
        }
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".extracting-");
        try {
            ExtractionDir dir = new ExtractionDir(staging.toRealPath());
            if (format == ArchiveFormat.ZIP) {
                extractZip(archive, dir);
            } else {
                extractTar(archive, format, dir);
            }
            dir.verifySymlinks();
            moveIntoPlace(staging, target);
            log.debug("archive extracted archive={} format={} target={}", archive, format, target);
        } catch (UnsafeArchiveException e) {
            throw new UnsafeArchiveException("refusing archive " + archive + ": " + e.getMessage());
        } finally {
            deleteStaging(staging);
        }
    }

    private static void deleteStaging(Path staging) {
        try {
            deleteRecursively(staging);
        } catch (IOException e) {
            log.warn("staging directory not removed path={} cause={}", staging, e.toString());
        }
    }

    private static void extractTar(Path archive, ArchiveFormat format, ExtractionDir dir) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(format.openTar(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    dir.directory(name);
                } else if (entry.isSymbolicLink()) {
                    dir.symlink(name, entry.getLinkName());
                } else if (entry.isLink()) {
                    dir.hardLink(name, entry.getLinkName());
                } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO() || !entry.isFile()) {
                    log.warn("archive entry skipped archive={} entry={} type_flag={}", archive, name,
                            (char) entry.getLinkFlag());
                } else {
                    dir.file(name, tar);
                }
            }
        }
    }

    private static void extractZip(Path archive, ExtractionDir dir) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                if (!zip.canReadEntryData(entry)) {
                    throw new IOException("cannot read zip entry '" + entry.getName() + "' of " + archive
                            + " (encrypted or unsupported compression)");
                }
                if (entry.isDirectory()) {
                    dir.directory(entry.getName());
                } else if (entry.isUnixSymlink()) {
                    dir.symlink(entry.getName(), zip.getUnixSymlink(entry));
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        dir.file(entry.getName(), in);
                    }
                }
            }
        }
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(staging, target);
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("extraction target exists and is not a directory: " + target);
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(staging)) {
            children = list.toList();
        }
        for (Path child : children) {
            Path dest = target.resolve(child.getFileName().toString());
            deleteRecursively(dest);
            move(child, dest);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // Files.walk does not follow links, so a symlink is removed, never what it points to.
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
