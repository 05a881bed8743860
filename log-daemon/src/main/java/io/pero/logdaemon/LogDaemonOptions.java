package io.pero.logdaemon;

import io.pero.common.cli.ConnectionOptions;
import io.pero.common.logging.DaemonLogOptions;
import io.pero.common.metrics.MetricsOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Command-line options of {@code pero-logd} (spec §8). Each falls back to an environment variable
 * ({@code PERO_<KEY>}); either one overrides the {@code [LOGD]} section of the config file.
 */
final class LogDaemonOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "ini file; keys are read from its [LOGD] section")
    Path config;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

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

    @Mixin
    DaemonLogOptions logging = new DaemonLogOptions();

    /** For tests and demos only: a rotation period in seconds, overriding {@code -r}. */
    @Option(names = "--rotation-period-seconds", hidden = true)
    Long rotationSeconds;
}
