package io.pero.common.sftp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Remote (SFTP, always {@code /}-separated) path arithmetic, apart from any connection. */
final class RemotePaths {
    private RemotePaths() {
    }

    /** The path with doubled and trailing slashes removed; an empty path is refused. */
    static String clean(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("empty remote path");
        }
        String cleaned = path.replaceAll("/+", "/");
        if (cleaned.length() > 1 && cleaned.endsWith("/")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        if (cleaned.equals("/")) {
            throw new IllegalArgumentException("remote path names the root directory: " + path);
        }
        return cleaned;
    }

    /** The directory holding {@code path}, or empty at the top ({@code a} or {@code /a}). */
    static Optional<String> parent(String path) {
        String p = clean(path);
        int slash = p.lastIndexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        return Optional.of(p.substring(0, slash));
    }

    /** Every directory above {@code path}, outermost first: {@code a/b/c} gives {@code a}, {@code a/b}. */
    static List<String> ancestors(String path) {
        List<String> result = new ArrayList<>();
        for (Optional<String> dir = parent(path); dir.isPresent(); dir = parent(dir.get())) {
            result.add(0, dir.get());
        }
        return result;
    }
}
