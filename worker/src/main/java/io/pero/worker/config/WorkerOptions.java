package io.pero.worker.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.pero.common.metrics.MetricsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The worker's command line (spec §6.1 plus our extensions). Every value is null when not given, so the ini file and the
 * defaults can fill it in ({@link WorkerConfigLoader}).
 */
@Command(name = "pero-worker", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = io.pero.common.version.PeroVersion.class,
        description = "OCR worker daemon: serves the stage its ZooKeeper queue node names.")
public final class WorkerOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "ini file with a [WORKER] section")
    Path config;

    @Option(names = {"-z", "--zookeeper"}, arity = "1..*", split = ",", paramLabel = "HOST[:PORT]",
            description = "ZooKeeper servers (space- or comma-separated)")
    List<String> zookeeper = new ArrayList<>();

    @Option(names = {"-i", "--id"}, paramLabel = "ID", description = "worker id (default: a fresh uuid4 hex)")
    String id;

    @Option(names = "--cache-directory", paramLabel = "DIR", description = "base directory of the model cache (default /tmp)")
    Path cacheDirectory;

    @Option(names = {"-u", "--username"}, description = "user for ZooKeeper SASL, RabbitMQ and SFTP")
    String username;

    @Option(names = {"-p", "--password"}, description = "password for the same")
    String password;

    @Option(names = {"-e", "--ca-cert"}, paramLabel = "FILE", description = "CA certificate (PEM): TLS for ZooKeeper and RabbitMQ")
    Path caCert;

    @Option(names = "--disable-remote-logging", description = "do not send log lines to the log queue")
    Boolean disableRemoteLogging;

    @Option(names = {"-q", "--log-queue"}, paramLabel = "QUEUE", description = "queue for remote log lines (default log)")
    String logQueue;

    @Option(names = {"-d", "--debug"}, description = "log at DEBUG level")
    boolean debug;

    @Option(names = "--prefetch", paramLabel = "N", description = "messages held unacknowledged at once (default 8)")
    Integer prefetch;

    @Option(names = "--max-deliveries", paramLabel = "N",
            description = "unfinished deliveries of one message, counted in the message, before it goes to the error queue (default 5)")
    Integer maxDeliveries;

    @Option(names = "--max-errors", paramLabel = "N",
            description = "consecutive processing failures before PROCESSING_FAILED (default 10)")
    Integer maxErrors;

    @Option(names = "--shutdown-timeout", paramLabel = "SECONDS",
            description = "seconds to finish the message in hand on shutdown (default 300)")
    Integer shutdownTimeout;

    @Option(names = "--no-tls-hostname-verification", description = "do not check server host names against TLS certificates")
    Boolean noTlsHostnameVerification;

    @Option(names = "--zk-acl", paramLabel = "open|creator",
            description = "ACL of the znodes the worker creates: open (default, as the original) or creator (only the -u user)")
    String zkAcl;

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Option(names = "--sftp-known-hosts", paramLabel = "FILE", description = "known_hosts file to verify SFTP host keys")
    Path sftpKnownHosts;

    public boolean debug() {
        return debug;
    }
}
