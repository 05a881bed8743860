package io.pero.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * When this process started (the launcher script, which execs the JVM under the same process id), on the
 * {@link System#nanoTime()} scale: the run's time to first result and pages/s count JVM start-up too, as a user
 * timing the command would.
 */
final class ProcessStart {
    /**
     * Linux's unit of {@code /proc/PID/stat} start times (USER_HZ): 100 on every architecture Linux runs on; user
     * space cannot change it.
     */
    private static final long TICKS_PER_SECOND = 100;
    /** The start time's field in {@code /proc/self/stat}, counted after the command name's closing parenthesis. */
    private static final int START_TIME_FIELD = 19;

    private ProcessStart() {
    }

    /** The process's start on the {@code nanoTime} scale; now, if the system does not say when it started. */
    static long nanoTime() {
        long now = System.nanoTime();
        OptionalLong age = ageFromProc();
        if (age.isPresent()) {
            return now - age.getAsLong();
        }
        return ProcessHandle.current().info().startInstant()
                .map(start -> now - Math.max(0, Duration.between(start, Instant.now()).toNanos()))
                .orElse(now);
    }

    /**
     * The process's age from Linux's own clock since boot: its start tick in {@code /proc/self/stat} against
     * {@code /proc/uptime}, both to 10 ms. Why not {@link ProcessHandle.Info#startInstant()}: the JDK adds the start
     * tick to the boot time, which Linux gives in whole seconds, so its answer is off by a constant of up to a second
     * (0.9 s on the development machine: the first result looked that much earlier than it was).
     */
    static OptionalLong ageFromProc() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[START_TIME_FIELD]);
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII).split(" ")[0];
            long uptimeNanos = new java.math.BigDecimal(uptime).movePointRight(9).longValueExact();
            long ageNanos = uptimeNanos - startTicks * (1_000_000_000L / TICKS_PER_SECOND);
            return ageNanos >= 0 ? OptionalLong.of(ageNanos) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
