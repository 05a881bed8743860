package io.pero.watchdog;

import static io.pero.common.config.ConfigKeys.CA_CERT;
import static io.pero.common.config.ConfigKeys.PASSWORD;
import static io.pero.common.config.ConfigKeys.TLS_VERIFY_HOSTNAME;
import static io.pero.common.config.ConfigKeys.USERNAME;
import static io.pero.common.config.ConfigKeys.WATCHDOG;
import static io.pero.common.config.ConfigKeys.WATCHDOG_EVENT_DEBOUNCE;
import static io.pero.common.config.ConfigKeys.WATCHDOG_HOLD_TIME;
import static io.pero.common.config.ConfigKeys.WATCHDOG_HTTP_TIMEOUT;
import static io.pero.common.config.ConfigKeys.WATCHDOG_INTERVAL;
import static io.pero.common.config.ConfigKeys.ZK_ACL;
import static io.pero.common.config.ConfigKeys.WATCHDOG_LEADER_ELECTION;
import static io.pero.common.config.ConfigKeys.WATCHDOG_POLICY;
import static io.pero.common.config.ConfigKeys.WATCHDOG_QUEUE_POLL_INTERVAL;
import static io.pero.common.config.ConfigKeys.WATCHDOG_RECONFIGURATION_TIME;
import static io.pero.common.config.ConfigKeys.WATCHDOG_REMOVE_DEAD_AFTER;
import static io.pero.common.config.ConfigKeys.WATCHDOG_WAKE_LEGACY_WORKERS;
import static io.pero.common.config.ConfigKeys.WORKER;
import static io.pero.common.config.ConfigKeys.ZOOKEEPER_SERVERS;

import io.pero.common.cli.ConnectionOptions;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ConfigKeys;
import io.pero.common.config.Credentials;
import io.pero.common.config.IniFile;
import io.pero.common.logging.LogSettings;
import io.pero.common.metrics.MetricsSettings;
import io.pero.common.config.Secret;
import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import io.pero.common.zk.ZkSettings;
import io.pero.watchdog.plan.DefaultPolicy;
import io.pero.watchdog.plan.OriginalPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Command line over ini file ({@code [WATCHDOG]}, then {@code [WORKER]} for shared keys) over defaults, validated once. */
final class WatchdogConfigLoader {
    private final WatchdogOptions options;
    private final Optional<IniFile> ini;

    private WatchdogConfigLoader(WatchdogOptions options) {
        this.options = options;
        this.ini = Optional.ofNullable(options.config).map(IniFile::load);
    }

    static WatchdogConfig load(WatchdogOptions options) {
        return new WatchdogConfigLoader(options).build();
    }

    private WatchdogConfig build() {
        ConnectionOptions connection = options.connection;
        Credentials credentials = new Credentials(cliOr(connection.username().orElse(null), USERNAME),
                Secret.of(cliOr(connection.password().orElse(null), PASSWORD).orElse(null)),
                cliOr(connection.caCert().map(Path::toString).orElse(null), CA_CERT).map(Path::of));
        credentials.caCert().filter(ca -> !Files.isReadable(ca)).ifPresent(ca -> {
            throw new ConfigException("ca_cert " + ca + ": file not found or not readable");
        });
        boolean verifyHostname = connection.verifyHostname().orElseGet(() -> bool(TLS_VERIFY_HOSTNAME));
        // The latch, unlock-time and queue nodes it creates get the same ACL as the workers' (zk_acl, shared with [WORKER]).
        ZkSettings zk = new ZkSettings(zookeeperServers(), credentials, Duration.ofSeconds(30), Duration.ofSeconds(20), verifyHostname,
                options.zkAcl.resolve(fromIni(ZK_ACL), "[" + WATCHDOG + "] " + ZK_ACL));
        // Differs from the original: the cost-aware default policy unless policy=original is asked for.
        String policy = cliOr(options.policy, WATCHDOG_POLICY).orElseThrow();
        if (!policy.equals(DefaultPolicy.NAME) && !policy.equals(OriginalPolicy.NAME)) {
            throw new ConfigException("policy=" + policy + ": must be " + DefaultPolicy.NAME + " or " + OriginalPolicy.NAME);
        }
        Duration interval = duration(options.interval, WATCHDOG_INTERVAL).orElseThrow();
        if (interval.isZero()) {
            throw new ConfigException("interval=0: must be positive");
        }
        DefaultPolicy.Settings settings = new DefaultPolicy.Settings(duration(null, WATCHDOG_RECONFIGURATION_TIME).orElseThrow(),
                duration(null, WATCHDOG_HOLD_TIME).orElseThrow(), bool(WATCHDOG_WAKE_LEGACY_WORKERS),
                DefaultPolicy.Settings.defaults().unknownAvgMsgTimeSeconds());
        boolean election = !options.noLeaderElection && bool(WATCHDOG_LEADER_ELECTION);
        return new WatchdogConfig(zk, interval, policy, settings, election,
                duration(options.removeDeadAfter, WATCHDOG_REMOVE_DEAD_AFTER),
                duration(null, WATCHDOG_HTTP_TIMEOUT).orElseThrow(), options.dryRun,
                LogSettings.resolve(options.logging, ini, WATCHDOG),
                // Only [WATCHDOG]: a worker's metrics_port in a shared file must not make both bind one port.
                MetricsSettings.resolve(options.metrics, ini, WATCHDOG),
                duration(null, WATCHDOG_EVENT_DEBOUNCE).orElseThrow(), duration(null, WATCHDOG_QUEUE_POLL_INTERVAL).orElseThrow());
    }

    private List<ServerAddress> zookeeperServers() {
        Optional<List<ServerAddress>> given = options.connection.zookeeperServers();
        if (given.isPresent()) {
            return given.get();
        }
        ServerListParser.Result parsed = ServerListParser.parseCommaSeparated(fromIni(ZOOKEEPER_SERVERS).orElse(""));
        if (!parsed.ok()) {
            throw new ConfigException(ZOOKEEPER_SERVERS + ": " + String.join("; ", parsed.errors()));
        }
        if (parsed.servers().isEmpty()) {
            throw new ConfigException("no ZooKeeper servers: give -z, -l or zookeeper_servers in [WATCHDOG] or [WORKER]");
        }
        return parsed.servers();
    }

    /** The command-line value when given, else the ini value, else the key's default. */
    private Optional<String> cliOr(String cliValue, String key) {
        if (cliValue != null && !cliValue.isEmpty()) {
            return Optional.of(cliValue);
        }
        return fromIni(key).or(() -> defaultOf(key));
    }

    /** {@code [WATCHDOG]} first; the original falls back to {@code [WORKER]} (spec §7.1). */
    private Optional<String> fromIni(String key) {
        return ini.flatMap(f -> f.get(WATCHDOG, key).filter(v -> !v.isEmpty())
                .or(() -> f.hasSection(WATCHDOG) ? Optional.empty() : f.get(WORKER, key).filter(v -> !v.isEmpty())));
    }

    private static Optional<String> defaultOf(String key) {
        return ConfigKeys.ALL.stream().filter(k -> k.section().equals(WATCHDOG) && k.name().equals(key))
                .findFirst().map(ConfigKeys.Key::defaultValue);
    }

    private Optional<Duration> duration(String cliValue, String key) {
        return cliOr(cliValue, key).map(v -> Durations.parse(v, key));
    }

    private boolean bool(String key) {
        String v = cliOr(null, key).orElse("false").toLowerCase();
        return switch (v) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new ConfigException(ini.map(IniFile::source).orElse("config") + " [" + WATCHDOG + "] " + key + "=" + v
                    + ": not a boolean (true/false/1/0)");
        };
    }
}
