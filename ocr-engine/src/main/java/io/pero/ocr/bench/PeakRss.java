package io.pero.ocr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory of this process (VmHWM in /proc/self/status), in MiB; -1 where there is no /proc. */
final class PeakRss {
    private PeakRss() {
    }

    static double mebibytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1; // not Linux: the figure is reported as unavailable
        }
        return -1;
    }
}
