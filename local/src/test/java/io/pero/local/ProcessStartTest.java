package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessStartTest {
    /** The start tick's and {@code /proc/uptime}'s resolution (10 ms), once for each. */
    private static final long RESOLUTION_NANOS = 20_000_000L;
    /** Far above any fork-to-JVM time, far below the whole second the JDK's start instant can be off by. */
    private static final long BEFORE_JVM_MAX_NANOS = 60_000_000_000L;

    @Test
    @EnabledOnOs(OS.LINUX)
    void processIsAtLeastAsOldAsItsJvm() {
        long jvmBefore = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        OptionalLong age = ProcessStart.ageFromProc();
        long jvmAfter = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        assertTrue(age.isPresent(), "no age from /proc");
        assertTrue(age.getAsLong() >= jvmBefore - RESOLUTION_NANOS, "process age " + age + " ns < JVM uptime " + jvmBefore);
        assertTrue(age.getAsLong() <= jvmAfter + BEFORE_JVM_MAX_NANOS, "process age " + age + " ns");
    }

    @Test
    void startIsNotInTheFuture() {
        long before = System.nanoTime();
        assertTrue(ProcessStart.nanoTime() <= before + RESOLUTION_NANOS);
    }
}
