package io.pero.worker.stage;

import java.time.Duration;

/** When a worker tries a failed stage configuration again (pure): 10 s, doubling per failure, at most 5 min. */
final class ConfigRetryBackoff {
    static final Duration FIRST = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(5);

    private ConfigRetryBackoff() {
    }

    /** The wait after the {@code failures}-th failure in a row (1 = first). */
    static Duration after(int failures, Duration first) {
        int doublings = Math.max(0, Math.min(failures - 1, 20));
        Duration d = first.multipliedBy(1L << doublings);
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
