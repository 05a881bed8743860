package io.pero.cli.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The text {@code -s} and {@code -i} print: the original's wording (spec §9.2), made readable on a terminal. Pure. */
public final class StageReport {
    private StageReport() {
    }

    public static List<String> show(String stage, Optional<StageInfo> info) {
        if (info.isEmpty()) {
            return List.of("Stage " + stage + " is not configured!");
        }
        StageInfo s = info.get();
        List<String> lines = new ArrayList<>();
        lines.add("Stage " + s.name() + " configuration:");
        lines.add("  OCR Model path on FTP server : " + orDash(s.configPath()));
        lines.add("  OCR Configuration version    : " + orDash(s.configVersion()));
        lines.add("  Queue administrative priority: " + s.administrativePriority());
        lines.add("  Average processing time      : " + s.avgMsgTimeSeconds()
                .map(v -> String.format(Locale.ROOT, "%.3f s", v)).orElse("unknown"));
        lines.add("  Waiting since                : " + orDash(s.waitingSince()));
        lines.add("  Workers (min / max)          : " + (s.minWorkers().isEmpty() ? "none" : s.minWorkers()) + " / "
                + (s.maxWorkers().isEmpty() ? "none" : s.maxWorkers()));
        lines.add("  OCR Configuration:");
        if (s.config().isEmpty()) {
            lines.add("    -");
        } else {
            s.config().lines().forEach(line -> lines.add("    " + line));
        }
        return lines;
    }

    public static List<String> list(List<String> stages) {
        List<String> lines = new ArrayList<>();
        lines.add("Configured stages:");
        stages.stream().sorted().forEach(stage -> lines.add("  " + stage));
        return lines;
    }

    private static String orDash(String value) {
        return value.isEmpty() ? "-" : value;
    }
}
