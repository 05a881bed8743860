package io.pero.common.sftp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/** The archive kinds a stage model may come in, recognised by content rather than by file name. */
enum ArchiveFormat {
    ZIP(null),
    TAR(null),
    TAR_GZIP(CompressorStreamFactory.GZIP),
    TAR_BZIP2(CompressorStreamFactory.BZIP2),
    TAR_XZ(CompressorStreamFactory.XZ);

    private static final byte[][] ZIP_MAGICS = {{'P', 'K', 3, 4}, {'P', 'K', 5, 6}, {'P', 'K', 7, 8}};

    private final String compressor;

    ArchiveFormat(String compressor) {
        this.compressor = compressor;
    }

    static ArchiveFormat detect(Path file) throws IOException {
        if (startsWithZipMagic(file)) {
            return ZIP;
        }
        ArchiveFormat candidate = compressionOf(file);
        try (InputStream in = new BufferedInputStream(candidate.openTar(file))) {
            if (ArchiveStreamFactory.TAR.equals(ArchiveStreamFactory.detect(in))) {
                return candidate;
            }
        } catch (ArchiveException | IOException e) {
            throw new IOException("not a tar or zip archive: " + file, e);
        }
        throw new IOException("not a tar or zip archive: " + file);
    }

    /** The uncompressed tar stream; only for the tar kinds. */
    InputStream openTar(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        if (compressor == null) {
            return raw;
        }
        try {
            // Concatenated streams (pigz, pbzip2, pixz output) are one archive.
            return new CompressorStreamFactory(true).createCompressorInputStream(compressor, raw);
        } catch (CompressorException e) {
            raw.close();
            throw new IOException("cannot decompress " + file + " as " + compressor + ": " + e.getMessage(), e);
        }
    }

    private static ArchiveFormat compressionOf(Path file) throws IOException {
        String name;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            name = CompressorStreamFactory.detect(in);
        } catch (CompressorException e) {
            return TAR;
        }
        for (ArchiveFormat f : values()) {
            if (name.equals(f.compressor)) {
                return f;
            }
        }
        throw new IOException("not a tar or zip archive: " + file + " (compressed with unsupported " + name + ")");
    }

    private static boolean startsWithZipMagic(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                return false;
            }
        }
        return Arrays.stream(ZIP_MAGICS).anyMatch(m -> Arrays.equals(m, head));
    }
}
