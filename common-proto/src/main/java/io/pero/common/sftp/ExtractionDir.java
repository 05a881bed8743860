package io.pero.common.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The staging directory an archive is unpacked into. Every write is checked against {@link EntryPaths} and against the
 * symlinks already created, so nothing is written outside it or through a link.
 */
final class ExtractionDir {
    private final Path root;
    private final List<Path> symlinks = new ArrayList<>();

    /** {@code root} must be a real path (no symlinks in it), so that link resolution can be compared with it. */
    ExtractionDir(Path root) {
        this.root = root;
    }

    void directory(String name) throws IOException {
        Path dir = writablePath(name);
        if (!dir.equals(root)) {
            Files.createDirectories(dir);
        }
    }

    void file(String name, InputStream content) throws IOException {
        Path file = nonRootWritablePath(name);
        Files.createDirectories(file.getParent());
        Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
    }

    void symlink(String name, String target) throws IOException {
        Path link = nonRootWritablePath(name);
        EntryPaths.checkSymlinkTarget(root, link, name, target);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of(target));
        symlinks.add(link);
    }

    void hardLink(String name, String target) throws IOException {
        Path link = nonRootWritablePath(name);
        Path source = EntryPaths.resolveHardLinkTarget(root, name, target);
        refuseSymlinksOnTheWay(source, name);
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException("hard link entry '" + name + "' targets '" + target
                    + "', which is not a regular file extracted before it");
        }
        Files.createDirectories(link.getParent());
        // A copy rather than a link: the extracted tree then never shares inodes with anything.
        Files.copy(source, link, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Checks every symlink against the finished tree: one link may lead through another (e.g. {@code d -> .} then
     * {@code e -> d/../x}), which the per-entry check by name cannot see.
     */
    void verifySymlinks() throws IOException {
        for (Path link : symlinks) {
            Path real = realTarget(link);
            if (!real.startsWith(root)) {
                throw new UnsafeArchiveException("symlink entry '" + root.relativize(link)
                        + "' resolves outside the target directory through other links");
            }
        }
    }

    private Path realTarget(Path link) throws IOException {
        Path candidate = link.getParent().resolve(Files.readSymbolicLink(link));
        try {
            if (Files.exists(candidate)) {
                return candidate.toRealPath();
            }
        } catch (FileSystemException e) {
            throw new UnsafeArchiveException("symlink entry '" + root.relativize(link) + "' cannot be resolved ("
                    + e.getReason() + ")");
        }
        // Dangling: resolve the part that exists, the missing rest cannot contain links.
        Path existing = candidate;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return candidate.normalize();
        }
        return existing.toRealPath().resolve(existing.relativize(candidate)).normalize();
    }

    private Path nonRootWritablePath(String name) throws IOException {
        Path path = writablePath(name);
        if (path.equals(root)) {
            throw new UnsafeArchiveException("archive entry '" + name + "' names the target directory itself");
        }
        return path;
    }

    private Path writablePath(String name) throws IOException {
        Path path = EntryPaths.resolve(root, name);
        refuseSymlinksOnTheWay(path, name);
        return path;
    }

    private void refuseSymlinksOnTheWay(Path path, String name) throws UnsafeArchiveException {
        for (Path p = path; p != null && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new UnsafeArchiveException("archive entry '" + name + "' would write through the symlink '"
                        + root.relativize(p) + "'");
            }
        }
    }
}
