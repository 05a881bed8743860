package io.pero.logdaemon;

import io.pero.common.config.Credentials;
import io.pero.common.logging.LogSettings;
import io.pero.common.metrics.MetricsSettings;
import io.pero.common.net.ServerAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the log daemon needs, validated. {@code toString} is safe to log: the password is a
 * {@link io.pero.common.config.Secret}.
 *
 * @param rotationPeriod how long one file is written before it is closed ({@code -r}, minutes on the command line)
 * @param numberOfFiles  the most of the daemon's own files kept in {@code outputDir}; 0 keeps all
 */
record LogDaemonConfig(List<ServerAddress> zookeeperServers, Credentials credentials, boolean verifyHostname,
                       String logQueue, Path outputDir, Duration rotationPeriod, int numberOfFiles,
                       MetricsSettings metrics, LogSettings logging) {

    LogDaemonConfig(List<ServerAddress> zookeeperServers, Credentials credentials, boolean verifyHostname,
                    String logQueue, Path outputDir, Duration rotationPeriod, int numberOfFiles) {
        this(zookeeperServers, credentials, verifyHostname, logQueue, outputDir, rotationPeriod, numberOfFiles,
                MetricsSettings.OFF, LogSettings.DEFAULT);
    }

    LogDaemonConfig {
        zookeeperServers = List.copyOf(zookeeperServers);
    }

    RotationPolicy rotationPolicy() {
        return new RotationPolicy(rotationPeriod, numberOfFiles);
    }
}
