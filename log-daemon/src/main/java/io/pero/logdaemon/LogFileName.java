package io.pero.logdaemon;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the daemon's own log files: {@code pero_<UTC creation time>.log} with a fixed-width timestamp,
 * e.g. {@code pero_2023-08-07T10-11-12.123456Z.log}. Fixed width (always six fraction digits) makes the
 * lexicographic order the chronological order, so {@code ls} lists files oldest first.
 * Only names of exactly this form are the daemon's; retention never touches anything else.
 */
final class LogFileName {
    // Differs from the original: no colons in the name (isoformat "+00:00" breaks Windows shares and scp); 'Z' for UTC.
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern OWN = Pattern.compile(
            "pero_(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{6}Z)\\.log");

    private LogFileName() {
    }

    /** The name of a file created at {@code createdAt} (truncated to microseconds). */
    static String of(Instant createdAt) {
        return "pero_" + STAMP.format(createdAt.truncatedTo(ChronoUnit.MICROS)) + ".log";
    }

    /** The creation time encoded in {@code name}, or empty when it is not one of the daemon's file names. */
    static Optional<Instant> createdAt(String name) {
        Matcher m = OWN.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(STAMP.parse(m.group(1))));
        } catch (DateTimeParseException e) {
            // Matches the shape but not the calendar (month 13): not a file this daemon wrote.
            return Optional.empty();
        }
    }

    static boolean isOwn(String name) {
        return createdAt(name).isPresent();
    }
}
