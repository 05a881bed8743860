package io.pero.worker.config;

import static io.pero.common.config.ConfigKeys.CACHE_DIR;
import static io.pero.common.config.ConfigKeys.CA_CERT;
import static io.pero.common.config.ConfigKeys.DISABLE_REMOTE_LOGGING;
import static io.pero.common.config.ConfigKeys.LOG_QUEUE;
import static io.pero.common.config.ConfigKeys.MAX_DELIVERIES;
import static io.pero.common.config.ConfigKeys.MAX_ERRORS;
import static io.pero.common.config.ConfigKeys.PASSWORD;
import static io.pero.common.config.ConfigKeys.PREFETCH;
import static io.pero.common.config.ConfigKeys.SFTP_KNOWN_HOSTS;
import static io.pero.common.config.ConfigKeys.SHUTDOWN_TIMEOUT;
import static io.pero.common.config.ConfigKeys.TLS_VERIFY_HOSTNAME;
import static io.pero.common.config.ConfigKeys.USERNAME;
import static io.pero.common.config.ConfigKeys.WORKER;
import static io.pero.common.config.ConfigKeys.WORKER_ID;
import static io.pero.common.config.ConfigKeys.ZK_ACL;
import static io.pero.common.config.ConfigKeys.ZOOKEEPER_SERVERS;

import io.pero.common.config.ConfigException;
import io.pero.common.config.ConfigKeys;
import io.pero.common.config.Credentials;
import io.pero.common.config.IniFile;
import io.pero.common.config.Secret;
import io.pero.common.logging.LogSettings;
import io.pero.common.metrics.MetricsSettings;
import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import io.pero.common.zk.ZkAcl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link WorkerConfig} from the command line, the ini file's {@code [WORKER]} section and the defaults in
 * {@link ConfigKeys}, and reports every problem at once, naming its source and key.
 */
public final class WorkerConfigLoader {
    private static final Logger log = LoggerFactory.getLogger(WorkerConfigLoader.class);

    private final WorkerOptions cli;
    private final Optional<IniFile> ini;
    private final List<String> problems = new ArrayList<>();

    private WorkerConfigLoader(WorkerOptions cli, Optional<IniFile> ini) {
        this.cli = cli;
        this.ini = ini;
    }

    /** @throws ConfigException listing every invalid or missing value */
    public static WorkerConfig load(WorkerOptions cli) {
        Optional<IniFile> ini = Optional.ofNullable(cli.config).map(IniFile::load);
        ini.filter(f -> !f.hasSection(WORKER))
                .ifPresent(f -> log.warn("config file has no [{}] section file={}", WORKER, f.source()));
        return new WorkerConfigLoader(cli, ini).build();
    }

    private WorkerConfig build() {
        List<ServerAddress> zk = zookeeper();
        Optional<String> id = text(cli.id, WORKER_ID).filter(v -> !v.isEmpty());
        id.ifPresent(this::checkId);
        Path cacheDir = existingDirectory(path(cli.cacheDirectory, CACHE_DIR).orElse(Path.of(defaultOf(CACHE_DIR))), CACHE_DIR);
        Path cliCaCert = cli.connection.caCert().orElse(null);
        Optional<Path> caCert = path(cliCaCert, CA_CERT).map(p -> existingFile(p, cliCaCert, CA_CERT));
        Optional<Path> knownHosts = path(cli.sftpKnownHosts, SFTP_KNOWN_HOSTS)
                .map(p -> existingFile(p, cli.sftpKnownHosts, SFTP_KNOWN_HOSTS));
        Credentials credentials = new Credentials(text(cli.connection.username().orElse(null), USERNAME),
                Secret.of(text(cli.connection.password().orElse(null), PASSWORD).orElse(null)), caCert);
        boolean verifyHostname = cli.connection.verifyHostname().orElseGet(() -> bool(TLS_VERIFY_HOSTNAME));
        boolean remoteLogging = !(cli.disableRemoteLogging != null ? cli.disableRemoteLogging : bool(DISABLE_REMOTE_LOGGING));
        String logQueue = text(cli.logQueue, LOG_QUEUE).filter(v -> !v.isEmpty()).orElse(defaultOf(LOG_QUEUE));
        WorkerConfig.Limits limits = new WorkerConfig.Limits(
                integer(cli.prefetch, PREFETCH, 1), integer(cli.maxDeliveries, MAX_DELIVERIES, 1),
                integer(cli.maxErrors, MAX_ERRORS, 0), Duration.ofSeconds(integer(cli.shutdownTimeout, SHUTDOWN_TIMEOUT, 0)));
        ZkAcl zkAcl = zkAcl();
        MetricsSettings metrics = MetricsSettings.OFF;
        try {
            metrics = MetricsSettings.resolve(cli.metrics, ini, WORKER);
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
        LogSettings logging = LogSettings.DEFAULT;
        try {
            logging = LogSettings.resolve(cli.logging, ini, WORKER);
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
        return new WorkerConfig(zk, id, cacheDir, credentials, verifyHostname, knownHosts, remoteLogging, logQueue,
                logging, limits, metrics, zkAcl);
    }

    private ZkAcl zkAcl() {
        try {
            ZkAcl acl = cli.zkAcl.resolve(fromIni(ZK_ACL), where(ZK_ACL));
            if (acl == ZkAcl.CREATOR && text(cli.connection.username().orElse(null), USERNAME).filter(u -> !u.isEmpty()).isEmpty()) {
                problems.add(cli.zkAcl.source(where(ZK_ACL)) + "=creator needs a username (-u/username)");
            }
            return acl;
        } catch (ConfigException e) {
            problems.add(e.getMessage());
            return ZkAcl.OPEN;
        }
    }

    private List<ServerAddress> zookeeper() {
        try {
            Optional<List<ServerAddress>> given = cli.connection.zookeeperServers();
            if (given.isPresent()) {
                return given.get();
            }
        } catch (ConfigException e) {
            problems.add(e.getMessage());
            return List.of();
        }
        Optional<String> fromIni = fromIni(ZOOKEEPER_SERVERS).filter(v -> !v.isEmpty());
        // Differs from the original: no servers given means ZooKeeper on this host, as every tool defaults to.
        ServerListParser.Result parsed = ServerListParser.parseCommaSeparated(fromIni.orElse(defaultOf(ZOOKEEPER_SERVERS)));
        String source = fromIni.isPresent() ? where(ZOOKEEPER_SERVERS) : "default ZooKeeper " + defaultOf(ZOOKEEPER_SERVERS);
        parsed.errors().forEach(e -> problems.add(source + ": " + e));
        if (parsed.ok() && parsed.servers().isEmpty()) {
            problems.add(source + ": no ZooKeeper servers given");
        }
        return parsed.servers();
    }

    private void checkId(String id) {
        if (id.contains("/") || id.equals(".") || id.equals("..") || id.chars().anyMatch(Character::isWhitespace)) {
            problems.add(source(cli.id, WORKER_ID) + "=" + id + ": a worker id must be a plain znode name");
        }
    }

    private Path existingDirectory(Path dir, String key) {
        if (!Files.isDirectory(dir)) {
            problems.add(source(cli.cacheDirectory, key) + "=" + dir + ": directory does not exist");
        }
        return dir;
    }

    private Path existingFile(Path file, Object fromCli, String key) {
        if (!Files.isRegularFile(file)) {
            problems.add(source(fromCli, key) + "=" + file + ": file does not exist");
        }
        return file;
    }

    private int integer(Integer fromCli, String key, int min) {
        int value;
        String source = fromCli != null ? "--" + key.replace('_', '-') : where(key);
        try {
            value = fromCli != null ? fromCli : ini.flatMap(f -> f.getLong(WORKER, key)).map(Math::toIntExact)
                    .orElse(Integer.parseInt(defaultOf(key)));
        } catch (ConfigException | ArithmeticException e) {
            problems.add(e.getMessage());
            return min;
        }
        if (value < min) {
            problems.add(source + "=" + value + ": must be >= " + min);
        }
        return value;
    }

    private boolean bool(String key) {
        try {
            return ini.flatMap(f -> f.getBoolean(WORKER, key)).orElse(Boolean.parseBoolean(defaultOf(key)));
        } catch (ConfigException e) {
            problems.add(e.getMessage());
            return Boolean.parseBoolean(defaultOf(key));
        }
    }

    private Optional<String> text(String fromCli, String key) {
        return fromCli != null ? Optional.of(fromCli) : fromIni(key);
    }

    private Optional<Path> path(Path fromCli, String key) {
        return fromCli != null ? Optional.of(fromCli) : fromIni(key).filter(v -> !v.isEmpty()).map(Path::of);
    }

    private Optional<String> fromIni(String key) {
        return ini.flatMap(f -> f.get(WORKER, key));
    }

    private String source(Object fromCli, String key) {
        return fromCli != null ? "command line " + key : where(key);
    }

    private String where(String key) {
        return ini.map(f -> f.source() + " [" + WORKER + "] " + key).orElse(key);
    }

    private static String defaultOf(String key) {
        return ConfigKeys.ALL.stream().filter(k -> k.section().equals(WORKER) && k.name().equals(key))
                .map(ConfigKeys.Key::defaultValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("no default for [" + WORKER + "] " + key));
    }
}
