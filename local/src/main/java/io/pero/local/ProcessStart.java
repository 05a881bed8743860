package io.pero.local;

import java.time.Duration;
import java.time.Instant;

/**
 * When this process started (the launcher script, which execs the JVM under the same process id), on the
 * {@link System#nanoTime()} scale: the run's time to first result and pages/s count JVM start-up too, as a user
 * timing the command would.
 */
final class ProcessStart {
    private ProcessStart() {
    }

    /** The process's start on the {@code nanoTime} scale; now, if the system does not say when it started. */
    static long nanoTime() {
        long now = System.nanoTime();
        return ProcessHandle.current().info().startInstant()
                .map(start -> now - Math.max(0, Duration.between(start, Instant.now()).toNanos()))
                .orElse(now);
    }
}
