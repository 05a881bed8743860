package io.pero.common.config;

import java.util.List;

/**
 * Every configuration key of every component: ini section, key (spelled as in the Python original where it
 * exists there), default and meaning. The README tables are written from this list.
 * Command-line options override the ini file, which overrides these defaults (spec §6.1).
 */
public final class ConfigKeys {
    /** One ini key. {@code defaultValue} is text as it would appear in the file; null means "no default". */
    public record Key(String section, String name, String defaultValue, String help) {
    }

    public static final String WORKER = "WORKER";
    public static final String WATCHDOG = "WATCHDOG";
    public static final String LOGD = "LOGD";

    // ---- shared by all daemons (each reads them from its own section; the watchdog falls back to [WORKER])
    public static final String ZOOKEEPER_SERVERS = "zookeeper_servers";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String CA_CERT = "ca_cert";
    public static final String LOG_QUEUE = "log_queue";
    /** Extension: verify the TLS server host name (off in the original, spec §12 item 18). */
    public static final String TLS_VERIFY_HOSTNAME = "tls_verify_hostname";
    /** Extension: ACL of the znodes a component creates, {@code open} (as the original) or {@code creator}. */
    public static final String ZK_ACL = "zk_acl";
    /** Extension: OpenSSH known_hosts file used to verify SFTP host keys. */
    public static final String SFTP_KNOWN_HOSTS = "sftp_known_hosts";

    /** Extension: port of the /metrics, /health and /ready endpoint; 0 or unset = off. */
    public static final String METRICS_PORT = "metrics_port";
    /** Extension: address the metrics endpoint binds to. */
    public static final String METRICS_ADDRESS = "metrics_address";
    /** Extension: format of the daemon's own log lines on stderr, text or json. */
    public static final String LOG_FORMAT = "log_format";

    // ---- [WORKER]
    public static final String WORKER_ID = "worker_id";
    public static final String CACHE_DIR = "cache_dir";
    public static final String DISABLE_REMOTE_LOGGING = "disable_remote_logging";
    /** Extension: unacknowledged messages the worker holds at once (AMQP prefetch). */
    public static final String PREFETCH = "prefetch";
    /** Extension: deliveries of one message before it is parked in the error queue. */
    public static final String MAX_DELIVERIES = "max_deliveries";
    /** Extension: seconds to wait for the message in hand on shutdown. */
    public static final String SHUTDOWN_TIMEOUT = "shutdown_timeout";
    /** Extension: consecutive processing failures before the worker stops as PROCESSING_FAILED (10 in the original). */
    public static final String MAX_ERRORS = "max_errors";

    // ---- [WATCHDOG] (zookeeper_servers, username, password, ca_cert fall back to [WORKER], spec §7.1)
    /** Extension: seconds between scheduling cycles (10 in the original). */
    public static final String WATCHDOG_INTERVAL = "interval";
    /** Extension: scheduling policy, {@code default} or {@code original}. */
    public static final String WATCHDOG_POLICY = "policy";
    /** Extension: elect one writing watchdog among all running ones. */
    public static final String WATCHDOG_LEADER_ELECTION = "leader_election";
    /** Extension: remove workers whose ephemeral {@code connected} node has been gone this long; unset = only report. */
    public static final String WATCHDOG_REMOVE_DEAD_AFTER = "remove_dead_after";
    /** Extension: fixed seconds a move costs on top of the worker's reported switch time. */
    public static final String WATCHDOG_RECONFIGURATION_TIME = "reconfiguration_time";
    /** Extension: seconds a moved worker is held (not moved back, busy workers not moved at all). */
    public static final String WATCHDOG_HOLD_TIME = "hold_time";
    /** Extension: rewrite the unchanged queue node of idle Python workers whose queue has messages. */
    public static final String WATCHDOG_WAKE_LEGACY_WORKERS = "wake_legacy_workers";
    /** Extension: seconds to wait for each RabbitMQ management API request. */
    public static final String WATCHDOG_HTTP_TIMEOUT = "http_timeout";
    /** Extension: after an event (worker idle, queue filled or emptied, worker came or went) re-plan this much later. */
    public static final String WATCHDOG_EVENT_DEBOUNCE = "event_debounce";
    /** Extension: how often the stage queues' ready counts are polled for empty/non-empty changes; 0 = no polling. */
    public static final String WATCHDOG_QUEUE_POLL_INTERVAL = "queue_poll_interval";

    // ---- [LOGD]
    public static final String OUTPUT_DIR = "output_dir";
    public static final String LOG_ROTATION_PERIOD = "log_rotation_period";
    public static final String NUMBER_OF_FILES = "number_of_files";

    public static final List<Key> ALL = List.of(
            new Key(WORKER, ZOOKEEPER_SERVERS, "127.0.0.1:2181", "ZooKeeper servers, comma-separated host[:port]"),
            new Key(WORKER, WORKER_ID, null, "worker id; default: a fresh uuid4 hex, unused in ZooKeeper"),
            new Key(WORKER, CACHE_DIR, "/tmp", "base directory of the model cache (must exist)"),
            new Key(WORKER, USERNAME, null, "user for ZooKeeper SASL, AMQP and SFTP"),
            new Key(WORKER, PASSWORD, null, "password for the same"),
            new Key(WORKER, CA_CERT, null, "CA certificate (PEM); enables TLS for ZooKeeper and AMQP"),
            new Key(WORKER, TLS_VERIFY_HOSTNAME, "true", "check the server host name against its TLS certificate"),
            new Key(WORKER, SFTP_KNOWN_HOSTS, null, "known_hosts file for SFTP host keys; unset = accept any (warned)"),
            new Key(WORKER, ZK_ACL, "open", "ACL of the znodes it creates: open (anyone) or creator (only the SASL user)"),
            new Key(WORKER, DISABLE_REMOTE_LOGGING, "false", "do not send log lines to the log queue (True or 1)"),
            new Key(WORKER, LOG_QUEUE, "log", "queue that receives remote log lines"),
            new Key(WORKER, PREFETCH, "8", "messages held unacknowledged at once"),
            new Key(WORKER, MAX_DELIVERIES, "5", "unfinished deliveries of one message (counted in the message) before it goes to the error queue"),
            new Key(WORKER, SHUTDOWN_TIMEOUT, "300", "seconds to finish the message in hand on shutdown"),
            new Key(WORKER, MAX_ERRORS, "10", "consecutive processing failures tolerated before PROCESSING_FAILED"),
            new Key(LOGD, ZOOKEEPER_SERVERS, null, "ZooKeeper servers, comma-separated host[:port]"),
            new Key(LOGD, USERNAME, null, "user for ZooKeeper SASL and AMQP"),
            new Key(LOGD, PASSWORD, null, "password for the same"),
            new Key(LOGD, CA_CERT, null, "CA certificate (PEM); enables TLS"),
            new Key(LOGD, TLS_VERIFY_HOSTNAME, "true", "check the server host name against its TLS certificate"),
            new Key(LOGD, LOG_QUEUE, "log", "queue to drain"),
            new Key(LOGD, OUTPUT_DIR, "logs", "directory of the log files (created if missing)"),
            new Key(LOGD, LOG_ROTATION_PERIOD, "10080", "minutes between file rotations"),
            new Key(LOGD, NUMBER_OF_FILES, "0", "log files to keep; 0 keeps all"),
            new Key(WATCHDOG, ZOOKEEPER_SERVERS, null, "ZooKeeper servers, comma-separated host[:port]; falls back to [WORKER]"),
            new Key(WATCHDOG, USERNAME, null, "user for ZooKeeper SASL, AMQP and the management API (guest when unset)"),
            new Key(WATCHDOG, PASSWORD, null, "password for the same"),
            new Key(WATCHDOG, CA_CERT, null, "CA certificate (PEM); enables TLS for ZooKeeper and AMQP, https for the management API"),
            new Key(WATCHDOG, TLS_VERIFY_HOSTNAME, "true", "check the server host name against its TLS certificate"),
            new Key(WATCHDOG, ZK_ACL, "open", "ACL of the znodes it creates (leader latch, unlock times): open or creator; falls back to [WORKER]"),
            new Key(WATCHDOG, WATCHDOG_INTERVAL, "10", "seconds between scheduling cycles"),
            new Key(WATCHDOG, WATCHDOG_POLICY, "default", "scheduling policy: default (cost-aware) or original (the Python formula)"),
            new Key(WATCHDOG, WATCHDOG_LEADER_ELECTION, "true", "only the elected leader among running watchdogs writes"),
            new Key(WATCHDOG, WATCHDOG_REMOVE_DEAD_AFTER, null, "remove workers disconnected this long (e.g. 600, 10m, 1h); unset = report only"),
            new Key(WATCHDOG, WATCHDOG_RECONFIGURATION_TIME, "10", "seconds a move costs on top of the worker's reported switch time"),
            new Key(WATCHDOG, WATCHDOG_HOLD_TIME, "30", "seconds a moved worker is not moved back (busy: not moved at all)"),
            new Key(WATCHDOG, WATCHDOG_WAKE_LEGACY_WORKERS, "true", "rewrite the queue node of idle Python workers whose queue has messages"),
            new Key(WATCHDOG, WATCHDOG_HTTP_TIMEOUT, "5", "seconds to wait for each management API request"),
            new Key(WORKER, METRICS_PORT, "0", "port of the /metrics, /health and /ready endpoint; 0 = off"),
            new Key(WORKER, METRICS_ADDRESS, "127.0.0.1", "address the metrics endpoint binds to"),
            new Key(WATCHDOG, METRICS_PORT, "0", "port of the /metrics, /health and /ready endpoint; 0 = off"),
            new Key(WATCHDOG, METRICS_ADDRESS, "127.0.0.1", "address the metrics endpoint binds to"),
            new Key(LOGD, METRICS_PORT, "0", "port of the /metrics, /health and /ready endpoint; 0 = off"),
            new Key(LOGD, METRICS_ADDRESS, "127.0.0.1", "address the metrics endpoint binds to"),
            new Key(WORKER, LOG_FORMAT, "text", "format of the log lines on stderr: text or json (one JSON object a line)"),
            new Key(WATCHDOG, LOG_FORMAT, "text", "format of the log lines on stderr: text or json (one JSON object a line)"),
            new Key(LOGD, LOG_FORMAT, "text", "format of the log lines on stderr: text or json (one JSON object a line)"),
            new Key(WATCHDOG, WATCHDOG_EVENT_DEBOUNCE, "0.3", "seconds from an event to the re-plan, collecting a burst into one plan"),
            new Key(WATCHDOG, WATCHDOG_QUEUE_POLL_INTERVAL, "0.5", "seconds between polls of the stage queues' ready counts; 0 = off"));

    private ConfigKeys() {
    }
}
