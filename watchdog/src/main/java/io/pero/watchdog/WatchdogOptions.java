package io.pero.watchdog;

import io.pero.common.cli.ConnectionOptions;
import io.pero.common.cli.ZkAclOption;
import io.pero.common.logging.DaemonLogOptions;
import io.pero.common.metrics.MetricsOptions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The command line (spec §7.1 plus extensions). Options left out fall back to the ini file's {@code [WATCHDOG]} section
 * ({@code [WORKER]} for the original's keys), then to the defaults in {@link io.pero.common.config.ConfigKeys}.
 */
@Command(name = "pero-watchdog", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = io.pero.common.version.PeroVersion.class,
        description = "Moves workers between stages so that they follow the work.",
        footer = {"", "Subcommand: pero-watchdog simulate [--seed S] [--scenario NAME|all] compares policies offline."})
final class WatchdogOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "ini file; section [WATCHDOG], else [WORKER].")
    Path config;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    ZkAclOption zkAcl = new ZkAclOption();

    @Mixin
    DaemonLogOptions logging = new DaemonLogOptions();

    @Option(names = "--dry-run", description = "Run one cycle, print the plan, write nothing, exit.")
    boolean dryRun;

    @Option(names = "--interval", paramLabel = "DURATION", description = "Time between cycles (default 10 s).")
    String interval;

    @Option(names = "--policy", paramLabel = "NAME", description = "default (cost-aware) or original (the Python formula).")
    String policy;

    @Option(names = "--no-leader-election", description = "Write without electing a leader: only when a single watchdog runs.")
    boolean noLeaderElection;

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Option(names = "--remove-dead-after", paramLabel = "DURATION",
            description = "Remove workers whose connected node has been gone this long (default: report only).")
    String removeDeadAfter;
}
