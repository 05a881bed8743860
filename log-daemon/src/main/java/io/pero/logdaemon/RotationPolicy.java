package io.pero.logdaemon;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * When to rotate and which files retention deletes. Pure: time comes in as an argument, file names as a list.
 *
 * @param period    how long one file is written before it is closed
 * @param keepFiles the most of the daemon's own files the directory may hold; 0 keeps all
 */
record RotationPolicy(Duration period, int keepFiles) {

    RotationPolicy {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("rotation period must be positive, got " + period);
        }
        if (keepFiles < 0) {
            throw new IllegalArgumentException("number of files must be >= 0, got " + keepFiles);
        }
    }

    /** True once {@code file} has been open for a whole period; the file is then closed. */
    boolean shouldRotate(OpenFile file, Instant now) {
        return !now.isBefore(file.createdAt().plus(period));
    }

    /** Own files to delete when the daemon starts, oldest first, so that at most {@code keepFiles} remain. */
    List<String> toDeleteAtStartup(Collection<String> namesInDirectory) {
        return oldestBeyond(namesInDirectory, keepFiles);
    }

    /**
     * Own files to delete just before a new file is created, oldest first, so that together with the new one at most
     * {@code keepFiles} exist.
     */
    // Differs from the original: it kept N+1 files and deleted any file in the directory (spec §12 item 12).
    List<String> toDeleteBeforeNewFile(Collection<String> namesInDirectory) {
        return oldestBeyond(namesInDirectory, keepFiles - 1);
    }

    private List<String> oldestBeyond(Collection<String> names, int keep) {
        if (keepFiles == 0) {
            return List.of();
        }
        List<String> own = names.stream()
                .filter(LogFileName::isOwn)
                .sorted(Comparator.comparing((String n) -> LogFileName.createdAt(n).orElseThrow())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        int excess = own.size() - Math.max(keep, 0);
        return excess <= 0 ? List.of() : own.subList(0, excess);
    }
}
