package io.pero.watchdog;

import io.pero.common.config.ConfigException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in options and ini files: {@code 600} (seconds), {@code 90s}, {@code 10m}, {@code 2h}, {@code PT10M}. */
final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([smhd]?)");

    private Durations() {
    }

    /** @param where names the option or key for the error message */
    static Duration parse(String text, String where) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            long unitSeconds = switch (m.group(2)) {
                case "m" -> 60;
                case "h" -> 3600;
                case "d" -> 86400;
                default -> 1;
            };
            return Duration.ofMillis(Math.round(amount * unitSeconds * 1000));
        }
        try {
            Duration d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below with examples
        }
        throw new ConfigException(where + "=" + text + ": not a duration; examples: 600, 90s, 10m, 2h, PT15M");
    }
}
