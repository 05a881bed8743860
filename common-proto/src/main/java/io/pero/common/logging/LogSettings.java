package io.pero.common.logging;

import io.pero.common.config.ConfigKeys;
import io.pero.common.config.IniFile;
import java.util.Optional;

/** How a daemon logs: command line (or {@code PERO_LOG_FORMAT}) over the daemon's ini section over text at INFO. */
public record LogSettings(LogFormat format, boolean debug) {
    public static final LogSettings DEFAULT = new LogSettings(LogFormat.TEXT, false);

    /**
     * @param section the daemon's ini section ({@link ConfigKeys#WORKER}, {@link ConfigKeys#WATCHDOG}, {@link ConfigKeys#LOGD})
     * @throws io.pero.common.config.ConfigException naming the option or key when the format is not text or json
     */
    public static LogSettings resolve(DaemonLogOptions cli, Optional<IniFile> ini, String section) {
        DaemonLogOptions options = cli != null ? cli : new DaemonLogOptions();
        LogFormat format;
        if (options.format != null && !options.format.isBlank()) {
            format = LogFormat.parse(options.format, "--log-format");
        } else {
            String where = ini.map(f -> f.source() + " [" + section + "] ").orElse("") + ConfigKeys.LOG_FORMAT;
            format = ini.flatMap(f -> f.get(section, ConfigKeys.LOG_FORMAT)).filter(v -> !v.isBlank())
                    .map(v -> LogFormat.parse(v, where)).orElse(LogFormat.TEXT);
        }
        return new LogSettings(format, options.verbose());
    }
}
