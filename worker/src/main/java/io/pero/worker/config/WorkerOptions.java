package io.pero.worker.config;

import io.pero.common.cli.ConnectionOptions;
import io.pero.common.logging.DaemonLogOptions;
import io.pero.common.metrics.MetricsOptions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import io.pero.common.cli.ZkAclOption;
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

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = {"-i", "--id"}, paramLabel = "ID", description = "worker id (default: a fresh uuid4 hex)")
    String id;

    @Option(names = "--cache-directory", paramLabel = "DIR", description = "base directory of the model cache (default /tmp)")
    Path cacheDirectory;

    @Option(names = "--disable-remote-logging", description = "do not send log lines to the log queue")
    Boolean disableRemoteLogging;

    @Option(names = {"-q", "--log-queue"}, paramLabel = "QUEUE", description = "queue for remote log lines (default log)")
    String logQueue;

    @Mixin
    DaemonLogOptions logging = new DaemonLogOptions();

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

    @Mixin
    ZkAclOption zkAcl = new ZkAclOption();

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Option(names = "--sftp-known-hosts", paramLabel = "FILE", description = "known_hosts file to verify SFTP host keys")
    Path sftpKnownHosts;
}
