package io.pero.ocr.stage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs an OCR stage directory into the model archive that {@code pero-stage-config -f ARCHIVE -r PATH} uploads and
 * the worker extracts into its stage directory: config.ini plus the model files it refers to, at their paths
 * relative to the stage directory. The format follows the archive's name: {@code .tar.gz}/{@code .tgz} or
 * {@code .zip} (the worker's extractor reads both).
 */
public final class StagePacker {
    private StagePacker() {
    }

    /** @return the entries written, config.ini first */
    public static List<String> pack(Path stageDir, Path archive) throws IOException {
        if (!Files.isDirectory(stageDir)) {
            throw new StagePackException(stageDir + ": not a directory");
        }
        Format format = Format.of(archive);
        List<String> entries = StageFiles.collect(stageDir);
        Path root = stageDir.toAbsolutePath().normalize();
        Path parent = archive.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + archive.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                format.write(out, root, entries);
            }
            move(tmp, archive);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return entries;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    enum Format {
        TAR_GZ, ZIP;

        static Format of(Path archive) {
            String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                return TAR_GZ;
            }
            if (name.endsWith(".zip")) {
                return ZIP;
            }
            throw new StagePackException(archive + ": archive name must end with .tar.gz, .tgz or .zip");
        }

        void write(OutputStream out, Path root, List<String> entries) throws IOException {
            if (this == TAR_GZ) {
                try (TarGzWriter tar = new TarGzWriter(out)) {
                    for (String entry : entries) {
                        tar.addFile(entry, root.resolve(entry));
                    }
                }
            } else {
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    for (String entry : entries) {
                        zip.putNextEntry(new ZipEntry(entry));
                        Files.copy(root.resolve(entry), zip);
                        zip.closeEntry();
                    }
                }
            }
        }
    }
}
