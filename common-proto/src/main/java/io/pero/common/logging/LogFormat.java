package io.pero.common.logging;

import io.pero.common.config.ConfigException;
import java.util.Locale;

/** The format of a daemon's own log lines on stderr. */
public enum LogFormat {
    /** The original's line (each daemon's logback.xml). */
    TEXT,
    /** One JSON object a line (Logback's {@code JsonEncoder}), for log collectors. */
    JSON;

    /**
     * @param where the option or ini key the value came from, for the error
     * @throws ConfigException when {@code value} is neither {@code text} nor {@code json}
     */
    public static LogFormat parse(String value, String where) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new ConfigException(where + "=" + value + ": must be text or json");
        };
    }
}
