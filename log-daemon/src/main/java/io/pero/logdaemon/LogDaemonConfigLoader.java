package io.pero.logdaemon;

import io.pero.common.config.ConfigException;
import io.pero.common.config.ConfigKeys;
import io.pero.common.config.Credentials;
import io.pero.common.config.IniFile;
import io.pero.common.logging.LogSettings;
import io.pero.common.metrics.MetricsSettings;
import io.pero.common.config.Secret;
import io.pero.common.mq.QueueTopology;
import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@link LogDaemonConfig} from command line (or environment), then the {@code [LOGD]} ini section, then defaults. */
final class LogDaemonConfigLoader {
    static final String DEFAULT_OUTPUT_DIR = "logs";
    static final long DEFAULT_ROTATION_MINUTES = 10080;
    private static final Logger log = LoggerFactory.getLogger(LogDaemonConfigLoader.class);
    private static final String S = ConfigKeys.LOGD;

    private LogDaemonConfigLoader() {
    }

    static LogDaemonConfig load(LogDaemonOptions o) {
        IniFile ini = o.config == null ? IniFile.parse("", "<no config file>") : IniFile.load(o.config);
        if (o.config != null && !ini.hasSection(S)) {
            log.warn("config file has no [{}] section file={}", S, ini.source());
        }
        List<String> problems = new ArrayList<>();
        List<ServerAddress> zk = zookeeperServers(o, ini, problems);
        long minutes = o.rotationMinutes != null ? o.rotationMinutes
                : ini.getLong(S, ConfigKeys.LOG_ROTATION_PERIOD).orElse(DEFAULT_ROTATION_MINUTES);
        Duration period = o.rotationSeconds != null ? Duration.ofSeconds(o.rotationSeconds) : Duration.ofMinutes(minutes);
        if (period.isNegative() || period.isZero()) {
            problems.add("log rotation period must be > 0 minutes (-r or [LOGD] " + ConfigKeys.LOG_ROTATION_PERIOD + "), got " + minutes);
        }
        int files = o.numberOfFiles != null ? o.numberOfFiles
                : Math.toIntExact(ini.getLong(S, ConfigKeys.NUMBER_OF_FILES).orElse(0L));
        if (files < 0) {
            problems.add("number of files must be >= 0 (-n or [LOGD] " + ConfigKeys.NUMBER_OF_FILES + "), got " + files);
        }
        String queue = first(o.logQueue, ini.get(S, ConfigKeys.LOG_QUEUE)).orElse(QueueTopology.DEFAULT_LOG_QUEUE);
        if (queue.isBlank()) {
            problems.add("log queue name is empty (-q or [LOGD] " + ConfigKeys.LOG_QUEUE + ")");
        }
        Credentials credentials = credentials(o, ini);
        credentials.caCert().filter(ca -> !Files.isReadable(ca))
                .ifPresent(ca -> problems.add("CA certificate " + ca + " (-e or [LOGD] " + ConfigKeys.CA_CERT + ") is not a readable file"));
        MetricsSettings metrics = MetricsSettings.OFF;
        try {
            metrics = MetricsSettings.resolve(o.metrics, Optional.of(ini), S);
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
        LogSettings logging = LogSettings.DEFAULT;
        try {
            logging = LogSettings.resolve(o.logging, Optional.of(ini), S);
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
        Path outputDir = o.outputDir != null ? o.outputDir
                : Path.of(ini.get(S, ConfigKeys.OUTPUT_DIR).filter(v -> !v.isEmpty()).orElse(DEFAULT_OUTPUT_DIR));
        boolean verifyHostname = o.connection.verifyHostname()
                .orElseGet(() -> ini.getBoolean(S, ConfigKeys.TLS_VERIFY_HOSTNAME).orElse(true));
        return new LogDaemonConfig(zk, credentials, verifyHostname, queue, outputDir, period, files, metrics, logging);
    }

    /** {@code -z}/{@code -l} (or their variables), else {@code zookeeper_servers}; none at all is a problem. */
    private static List<ServerAddress> zookeeperServers(LogDaemonOptions o, IniFile ini, List<String> problems) {
        try {
            Optional<List<ServerAddress>> given = o.connection.zookeeperServers();
            if (given.isPresent()) {
                return given.get();
            }
        } catch (ConfigException e) {
            problems.add(e.getMessage());
            return List.of();
        }
        ServerListParser.Result fromIni = ServerListParser.parseCommaSeparated(ini.get(S, ConfigKeys.ZOOKEEPER_SERVERS).orElse(""));
        problems.addAll(fromIni.errors());
        if (fromIni.ok() && fromIni.servers().isEmpty()) {
            problems.add("no ZooKeeper servers: give -z HOST[:PORT] or [LOGD] " + ConfigKeys.ZOOKEEPER_SERVERS + " in " + ini.source());
        }
        return fromIni.servers();
    }

    private static Credentials credentials(LogDaemonOptions o, IniFile ini) {
        Optional<String> user = first(o.connection.username().orElse(null), ini.get(S, ConfigKeys.USERNAME));
        Secret password = Secret.of(first(o.connection.password().orElse(null), ini.get(S, ConfigKeys.PASSWORD)).orElse(null));
        Optional<Path> ca = o.connection.caCert()
                .or(() -> ini.get(S, ConfigKeys.CA_CERT).filter(v -> !v.isEmpty()).map(Path::of));
        return new Credentials(user, password, ca);
    }

    private static Optional<String> first(String cli, Optional<String> ini) {
        return cli != null ? Optional.of(cli) : ini.filter(v -> !v.isEmpty());
    }
}
