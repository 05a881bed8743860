package io.pero.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time this JVM has used (all threads: workers, embedded ZooKeeper, PerfTest's clients). Wall-clock rates suffer when
 * other processes share the machine; CPU per message mostly does not, so it shows whether the worker code is costly.
 */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /** Process CPU time in nanoseconds, or -1 when the JVM does not report it. */
    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
