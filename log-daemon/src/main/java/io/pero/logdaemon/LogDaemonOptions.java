package io.pero.logdaemon;

import java.nio.file.Path;
import java.util.List;
import io.pero.common.metrics.MetricsOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Command-line options of {@code pero-logd} (spec §8). Each falls back to an environment variable
 * ({@code PERO_<KEY>}); either one overrides the {@code [LOGD]} section of the config file.
 */
final class LogDaemonOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "ini file; keys are read from its [LOGD] section")
    Path config;

    @Option(names = {"-z", "--zookeeper"}, arity = "1..*", paramLabel = "HOST[:PORT]",
            defaultValue = "${env:PERO_ZOOKEEPER_SERVERS}", description = "ZooKeeper servers (env PERO_ZOOKEEPER_SERVERS)")
    List<String> zookeeper;

    @Option(names = {"-u", "--username"}, defaultValue = "${env:PERO_USERNAME}",
            description = "user for ZooKeeper SASL and AMQP (env PERO_USERNAME)")
    String username;

    @Option(names = {"-p", "--password"}, defaultValue = "${env:PERO_PASSWORD}",
            description = "password for the same; prefer env PERO_PASSWORD, the command line is visible to other users")
    String password;

    @Option(names = {"-e", "--ca-cert"}, paramLabel = "FILE", defaultValue = "${env:PERO_CA_CERT}",
            description = "CA certificate (PEM); enables TLS for ZooKeeper and AMQP (env PERO_CA_CERT)")
    Path caCert;

    @Option(names = {"-q", "--log-queue"}, paramLabel = "QUEUE", defaultValue = "${env:PERO_LOG_QUEUE}",
            description = "queue to drain; default log (env PERO_LOG_QUEUE)")
    String logQueue;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "${env:PERO_OUTPUT_DIR}",
            description = "directory of the log files, created if missing; default logs (env PERO_OUTPUT_DIR)")
    Path outputDir;

    @Option(names = {"-r", "--log-rotation-period"}, paramLabel = "MINUTES", defaultValue = "${env:PERO_LOG_ROTATION_PERIOD}",
            description = "minutes between file rotations; default 10080 = 7 days (env PERO_LOG_ROTATION_PERIOD)")
    Long rotationMinutes;

    @Option(names = {"-n", "--number-of-files"}, paramLabel = "N", defaultValue = "${env:PERO_NUMBER_OF_FILES}",
            description = "log files to keep, 0 keeps all; default 0 (env PERO_NUMBER_OF_FILES)")
    Integer numberOfFiles;

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Option(names = {"-d", "--debug"}, description = "DEBUG log level and stack traces on errors")
    boolean debug;

    /** For tests and demos only: a rotation period in seconds, overriding {@code -r}. */
    @Option(names = "--rotation-period-seconds", hidden = true)
    Long rotationSeconds;
}
