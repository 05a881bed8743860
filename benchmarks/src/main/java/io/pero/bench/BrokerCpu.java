package io.pero.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time of a RabbitMQ broker running on this machine ({@code beam.smp}, read from Linux {@code /proc}), so the report
 * can say whether a run was bound by the broker's CPU. Empty when the broker is elsewhere or this is not Linux.
 */
final class BrokerCpu {
    /** Linux reports utime/stime in USER_HZ ticks, 100 per second on every mainstream architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private BrokerCpu() {
    }

    static OptionalLong nanos() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(BrokerCpu::isBeam)
                    .mapToLong(BrokerCpu::cpuNanos)
                    .filter(n -> n >= 0)
                    .reduce(Long::sum);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Broker CPU seconds since {@code start} (from {@link #nanos()}); NaN when either reading is missing. */
    static double secondsSince(OptionalLong start) {
        OptionalLong now = nanos();
        return start.isPresent() && now.isPresent() ? (now.getAsLong() - start.getAsLong()) / 1e9 : Double.NaN;
    }

    private static boolean isBeam(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).strip().startsWith("beam");
        } catch (IOException e) {
            return false;
        }
    }

    private static long cpuNanos(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
