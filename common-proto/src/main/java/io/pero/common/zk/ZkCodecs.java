package io.pero.common.zk;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Encoders and decoders for the data formats the Python original stores in znodes (spec §3, §14).
 * Every method here is pure and tolerant on read, exact on write.
 */
public final class ZkCodecs {
    /** Python {@code datetime.isoformat()} of an aware UTC datetime: microseconds only when non-zero. */
    private static final DateTimeFormatter PY_ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final DateTimeFormatter PY_ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter LENIENT_ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private ZkCodecs() {
    }

    // ---- text

    public static byte[] text(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] data) {
        return data == null ? "" : new String(data, StandardCharsets.UTF_8);
    }

    // ---- timestamps (unlock_time, waiting_since, config_version default)

    /** Formats like Python's {@code datetime.now(timezone.utc).isoformat()}: {@code 2023-08-07T10:11:12.123456+00:00}. */
    public static String isoTime(Instant instant) {
        OffsetDateTime t = instant.atOffset(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return t.getNano() == 0 ? PY_ISO_SECONDS.format(t) : PY_ISO_MICROS.format(t);
    }

    /**
     * Parses an ISO-8601 datetime as Python writes it (offset {@code +00:00}, optional fraction, {@code T} or a space
     * between date and time) or as other tools write it ({@code Z}); a missing offset is read as UTC, as the original
     * compares against UTC now. Empty or unparseable text gives empty.
     */
    public static Optional<Instant> parseIsoTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            // Python's str(datetime) and fromisoformat use a space where ISO-8601 has 'T'.
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        try {
            var parsed = LENIENT_ISO.parseBest(t, OffsetDateTime::from, java.time.LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return Optional.of(odt.toInstant());
            }
            return Optional.of(((java.time.LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // ---- avg_msg_time: Python float.hex()

    /** Writes a double so Python's {@code float.fromhex} reads it back exactly. */
    public static String floatHex(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toHexString(value);
    }

    /** Reads Python {@code float.hex()} output ({@code 0x1.8000000000000p+3}); empty text gives empty. */
    public static Optional<Double> parseFloatHex(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        switch (t.toLowerCase()) {
            case "inf":
            case "+inf":
                return Optional.of(Double.POSITIVE_INFINITY);
            case "-inf":
                return Optional.of(Double.NEGATIVE_INFINITY);
            case "nan":
                return Optional.of(Double.NaN);
            default:
                break;
        }
        try {
            return Optional.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a float: '" + t + "'", e);
        }
    }

    // ---- administrative_priority: unsigned big-endian integer of any length

    /** Encodes a non-negative integer big-endian, at least one byte. Python reads any length. */
    public static byte[] unsignedBigEndian(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("administrative priority must be >= 0 (the wire format is unsigned), got " + value);
        }
        byte[] raw = BigInteger.valueOf(value).toByteArray();
        if (raw.length > 1 && raw[0] == 0) {
            byte[] trimmed = new byte[raw.length - 1];
            System.arraycopy(raw, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return raw;
    }

    /** Decodes an unsigned big-endian integer of any length; empty data is 0 (spec §3.2). */
    public static BigInteger parseUnsignedBigEndian(byte[] data) {
        if (data == null || data.length == 0) {
            return BigInteger.ZERO;
        }
        return new BigInteger(1, data);
    }
}
