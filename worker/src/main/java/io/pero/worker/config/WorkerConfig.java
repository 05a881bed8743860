package io.pero.worker.config;

import io.pero.common.config.Credentials;
import io.pero.common.logging.LogSettings;
import io.pero.common.metrics.MetricsSettings;
import io.pero.common.net.ServerAddress;
import io.pero.common.zk.ZkAcl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The worker's validated configuration (CLI over ini {@code [WORKER]} over defaults). */
public record WorkerConfig(List<ServerAddress> zookeeperServers, Optional<String> workerId, Path cacheDirectory,
                           Credentials credentials, boolean verifyHostname, Optional<Path> sftpKnownHosts,
                           boolean remoteLogging, String logQueue, LogSettings logging, Limits limits, MetricsSettings metrics,
                           ZkAcl zkAcl) {

    public WorkerConfig(List<ServerAddress> zookeeperServers, Optional<String> workerId, Path cacheDirectory,
                        Credentials credentials, boolean verifyHostname, Optional<Path> sftpKnownHosts,
                        boolean remoteLogging, String logQueue, LogSettings logging, Limits limits) {
        this(zookeeperServers, workerId, cacheDirectory, credentials, verifyHostname, sftpKnownHosts, remoteLogging,
                logQueue, logging, limits, MetricsSettings.OFF, ZkAcl.OPEN);
    }

    /** Processing limits (our extensions). */
    public record Limits(int prefetch, int maxDeliveries, int maxErrors, Duration shutdownTimeout) {
    }

    /** A summary safe to log: no secrets. */
    public String summary() {
        return "zookeeper=" + zookeeperServers + " worker_id=" + workerId.orElse("<auto>") + " cache_dir=" + cacheDirectory
                + " user=" + credentials.username().orElse("<default>") + " password=" + credentials.password()
                + " tls=" + credentials.caCert().isPresent() + " zk_acl=" + zkAcl.name().toLowerCase(java.util.Locale.ROOT)
                + " remote_logging=" + remoteLogging + " log_queue=" + logQueue
                + " prefetch=" + limits.prefetch() + " max_deliveries=" + limits.maxDeliveries() + " max_errors="
                + limits.maxErrors() + " shutdown_timeout_s=" + limits.shutdownTimeout().toSeconds()
                + " metrics=" + (metrics.enabled() ? metrics.address().getHostString() + ":" + metrics.port() : "off");
    }
}
