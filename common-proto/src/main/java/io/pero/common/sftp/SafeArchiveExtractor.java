package io.pero.common.sftp;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Extracts a stage model archive: tar (plain, gz, bz2, xz; detected by content) or zip. No entry may land outside
 * the target directory: {@code ../} paths, absolute paths, and symlinks or hard links pointing outside are
 * refused with {@link UnsafeArchiveException} and nothing partial is left behind.
 */
public final class SafeArchiveExtractor {
    private SafeArchiveExtractor() {
    }

    public static void extract(Path archive, Path targetDir) throws IOException {
        throw new UnsupportedOperationException("TODO(sftp helper)");
    }
}
