package io.pero.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's peak resident set size, from Linux's {@code /proc/self/status} (VmHWM). */
final class PeakRss {
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakRss() {
    }

    static String describe() {
        try {
            return Files.readAllLines(STATUS).stream().filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(PeakRss::parseMiB).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown (no /proc/self/status)";
        }
    }

    /** {@code VmHWM:   123456 kB} as {@code 121 MiB}. */
    static String parseMiB(String line) {
        String[] parts = line.trim().split("\\s+");
        long kb = Long.parseLong(parts[1]);
        return (kb / 1024) + " MiB";
    }
}
