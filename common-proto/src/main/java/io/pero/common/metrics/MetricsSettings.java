package io.pero.common.metrics;

import io.pero.common.config.ConfigException;
import io.pero.common.config.ConfigKeys;
import io.pero.common.config.IniFile;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where the metrics endpoint listens, if anywhere: command line over the daemon's ini section over the defaults (off,
 * 127.0.0.1). Port 0 or no port means off; a port is bound on the given address only, so by default nothing outside the
 * host can read it.
 */
public record MetricsSettings(Optional<String> host, int port) {
    public static final MetricsSettings OFF = new MetricsSettings(Optional.empty(), 0);

    public boolean enabled() {
        return host.isPresent() && port > 0;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host.orElse(DEFAULT_ADDRESS), port);
    }

    public static final String DEFAULT_ADDRESS = "127.0.0.1";

    /**
     * @param section the daemon's ini section ({@link ConfigKeys#WORKER}, {@link ConfigKeys#WATCHDOG}, {@link ConfigKeys#LOGD})
     * @throws ConfigException naming the option or key when the port is not a number in 0..65535 or the address is empty
     */
    public static MetricsSettings resolve(MetricsOptions cli, Optional<IniFile> ini, String section) {
        MetricsOptions options = cli != null ? cli : new MetricsOptions();
        int port;
        if (options.port != null) {
            port = checkPort(options.port, "--metrics-port");
        } else {
            String where = ini.map(f -> f.source() + " [" + section + "] ").orElse("") + ConfigKeys.METRICS_PORT;
            port = checkPort(ini.flatMap(f -> f.getLong(section, ConfigKeys.METRICS_PORT)).map(v -> v > Integer.MAX_VALUE
                    ? -1 : v.intValue()).orElse(0), where);
        }
        String address = options.address != null ? options.address
                : ini.flatMap(f -> f.get(section, ConfigKeys.METRICS_ADDRESS)).orElse(DEFAULT_ADDRESS);
        if (address.isBlank()) {
            throw new ConfigException(ConfigKeys.METRICS_ADDRESS + ": must not be empty (default " + DEFAULT_ADDRESS + ")");
        }
        return port == 0 ? OFF : new MetricsSettings(Optional.of(address.trim()), port);
    }

    private static int checkPort(long port, String where) {
        if (port < 0 || port > 65535) {
            throw new ConfigException(where + "=" + port + ": must be a port number 1..65535, or 0 for off");
        }
        return (int) port;
    }
}
