package io.pero.common.sftp;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where an archive entry may land, decided from names alone (no file system access). {@code root} is the absolute,
 * normalized extraction directory.
 */
final class EntryPaths {
    private EntryPaths() {
    }

    /** The path inside {@code root} that entry {@code name} names, or an exception when it is absolute or escapes. */
    static Path resolve(Path root, String name) throws UnsafeArchiveException {
        if (name == null || name.isEmpty()) {
            throw new UnsafeArchiveException("archive entry with an empty name");
        }
        if (looksAbsolute(name)) {
            throw new UnsafeArchiveException("archive entry '" + name + "' has an absolute path");
        }
        Path resolved = root.resolve(toPath(name, name)).normalize();
        if (!resolved.startsWith(root)) {
            throw new UnsafeArchiveException("archive entry '" + name + "' escapes the target directory");
        }
        return resolved;
    }

    /** Refuses a symlink whose target is absolute or leaves {@code root}, read relative to the link's own directory. */
    static void checkSymlinkTarget(Path root, Path link, String entryName, String target) throws UnsafeArchiveException {
        if (target == null || target.isEmpty()) {
            throw new UnsafeArchiveException("symlink entry '" + entryName + "' has an empty target");
        }
        if (looksAbsolute(target)) {
            throw new UnsafeArchiveException("symlink entry '" + entryName + "' has an absolute target '" + target + "'");
        }
        Path resolved = link.getParent().resolve(toPath(entryName, target)).normalize();
        if (!resolved.startsWith(root)) {
            throw new UnsafeArchiveException("symlink entry '" + entryName + "' points outside the target directory: '"
                    + target + "'");
        }
    }

    /** A hard link names its target relative to the archive root, as tar does. */
    static Path resolveHardLinkTarget(Path root, String entryName, String target) throws UnsafeArchiveException {
        if (target == null || target.isEmpty() || looksAbsolute(target)) {
            throw new UnsafeArchiveException("hard link entry '" + entryName + "' has an absolute or empty target '"
                    + target + "'");
        }
        Path resolved = root.resolve(toPath(entryName, target)).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new UnsafeArchiveException("hard link entry '" + entryName + "' points outside the target directory: '"
                    + target + "'");
        }
        return resolved;
    }

    private static boolean looksAbsolute(String name) {
        // Windows-style roots are refused too: a zip made there could carry them.
        return name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*");
    }

    private static Path toPath(String entryName, String value) throws UnsafeArchiveException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UnsafeArchiveException("archive entry '" + entryName + "' has an invalid path '" + value + "'");
        }
    }
}
