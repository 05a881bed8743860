package io.pero.cli.stage;

import io.pero.cli.CliCommand;
import io.pero.cli.ToolConnectionOptions;
import io.pero.cli.ZkNodes;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.QueueType;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ZkSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pero-stage-config}: stage configuration in ZooKeeper, the stage queue and the model archive on SFTP (spec §9.2). */
@Command(name = "pero-stage-config", usageHelpAutoWidth = true,
        description = "Creates, updates, shows and deletes processing stages: ZooKeeper configuration under /pero/queue/<stage>, "
                + "the RabbitMQ queue of the same name and the model archive on SFTP. '-n NAME' alone just declares a queue "
                + "(that is how output queues are made).")
public final class StageConfigCommand extends CliCommand {
    private static final Logger log = LoggerFactory.getLogger(StageConfigCommand.class);

    @Spec
    CommandSpec spec;
    @Mixin
    ToolConnectionOptions connection;

    @Option(names = {"-n", "--name"}, paramLabel = "STAGE", description = "Stage (and queue) to create, update or delete.")
    String name;
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "pero-ocr config.ini to upload as the stage config.")
    Path config;
    @Option(names = {"-v", "--version"}, paramLabel = "VERSION",
            description = "Config version; 'now' (the default) is the current UTC time.")
    String version;
    @Option(names = "--keep-version", description = "Update without changing config_version.")
    boolean keepVersion;
    @Option(names = {"-r", "--remote-path"}, paramLabel = "PATH",
            description = "SFTP path of the model archive file: stored in config_path, upload target of -f, removed with -d.")
    String remotePath;
    @Option(names = {"-f", "--file"}, paramLabel = "LOCAL", description = "Model archive to upload to --remote-path.")
    Path file;
    @Option(names = {"-a", "--administrative-priority"}, paramLabel = "INT", description = "Administrative priority (>= 0).")
    Long priority;
    @Option(names = "--min-workers", paramLabel = "N|none",
            description = "Workers the watchdog keeps on the stage at least (extension; 'none' removes the limit).")
    String minWorkers;
    @Option(names = "--max-workers", paramLabel = "N|none",
            description = "Workers the watchdog puts on the stage at most (extension; 'none' removes the limit).")
    String maxWorkers;
    @Option(names = {"-s", "--show"}, paramLabel = "STAGE", description = "Print a stage's configuration.")
    String show;
    @Option(names = {"-i", "--list"}, description = "Print all configured stages.")
    boolean list;
    @Option(names = {"-d", "--delete"}, description = "Delete the stage (configuration, queue, model file) instead.")
    boolean delete;
    @Option(names = {"-k", "--keep-config"}, description = "With -d: delete only the queue, keep the configuration.")
    boolean keepConfig;
    @Option(names = "--sftp-known-hosts", paramLabel = "FILE", defaultValue = "${env:PERO_SFTP_KNOWN_HOSTS}",
            description = "known_hosts file to verify SFTP host keys (default: accept any key, with a warning).")
    Path sftpKnownHosts;

    @Option(names = "--queue-type", paramLabel = "TYPE", defaultValue = "classic", converter = QueueTypeConverter.class,
            description = "Type of a newly declared stage queue: classic (default, as the original) or quorum "
                    + "(replicated; no priorities before RabbitMQ 4.0; poison bounded by the broker too).")
    QueueType queueType;

    /** picocli: {@code classic}/{@code quorum} in any case, with a clear message otherwise. */
    static final class QueueTypeConverter implements picocli.CommandLine.ITypeConverter<QueueType> {
        @Override
        public QueueType convert(String value) {
            try {
                return QueueType.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    private final PrintStream out;
    private final Clock clock;

    public StageConfigCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        StageRequest request = request();
        if (request.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "nothing to do: give -n, -s, -i or -r/-f");
        }
        StagePlan plan = StagePlanner.plan(request, clock.instant());
        plan.warnings().forEach(w -> log.warn("{}", w));
        ZkSettings settings = connection.zkSettings();
        try (CuratorFramework client = CuratorClients.startAndWait(settings, settings.connectionTimeout())) {
            ZkNodes zk = new ZkNodes(client);
            new StageConfigApplier(zk, new RegisteredServices(connection, Optional.ofNullable(sftpKnownHosts)), queueType)
                    .apply(plan);
            report(plan, new StageReader(zk));
        }
        return ExitCodes.OK;
    }

    private void report(StagePlan plan, StageReader reader) throws Exception {
        if (plan.list()) {
            List<String> stages = reader.stages();
            StageReport.list(stages).forEach(out::println);
            log.info("stages listed count={} stages={}", stages.size(), stages);
        }
        if (plan.show().isPresent()) {
            String stage = plan.show().get();
            Optional<StageInfo> info = reader.read(stage);
            StageReport.show(stage, info).forEach(out::println);
            log.info("stage shown stage={} configured={} version={} config_path={} administrative_priority={}", stage,
                    info.isPresent(), info.map(StageInfo::configVersion).orElse(""), info.map(StageInfo::configPath).orElse(""),
                    info.map(StageInfo::administrativePriority).orElse(null));
        }
    }

    private Optional<StageRequest.WorkerLimits> workerLimits() {
        if (minWorkers == null && maxWorkers == null) {
            return Optional.empty();
        }
        Optional<OptionalInt> min = Optional.ofNullable(minWorkers).map(v -> workers("--min-workers", v));
        Optional<OptionalInt> max = Optional.ofNullable(maxWorkers).map(v -> workers("--max-workers", v));
        if (min.isPresent() && max.isPresent() && min.get().isPresent() && max.get().isPresent()
                && min.get().getAsInt() > max.get().getAsInt()) {
            throw new ConfigException("--min-workers " + min.get().getAsInt() + " is above --max-workers "
                    + max.get().getAsInt());
        }
        return Optional.of(new StageRequest.WorkerLimits(min, max));
    }

    private static OptionalInt workers(String option, String value) {
        if (value.equalsIgnoreCase("none")) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(option + " " + value + ": must be a number >= 0 or 'none'");
    }

    StageRequest request() {
        if (priority != null && priority < 0) {
            // Differs from the original: it crashed on a negative priority; the wire format is unsigned (spec §12.14).
            throw new ConfigException("--administrative-priority " + priority + ": must be >= 0 (the ZooKeeper format is unsigned)");
        }
        if (version != null && version.isBlank()) {
            throw new ConfigException("--version: must not be empty (use 'now' for the current time)");
        }
        if (remotePath != null && remotePath.isBlank()) {
            throw new ConfigException("--remote-path: must not be empty");
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new ConfigException("--file " + file + ": not a readable file");
        }
        if (sftpKnownHosts != null && !Files.isReadable(sftpKnownHosts)) {
            throw new ConfigException("--sftp-known-hosts " + sftpKnownHosts + ": not a readable file");
        }
        return new StageRequest(
                Optional.ofNullable(name).map(n -> StageNames.validate("--name", n)),
                Optional.ofNullable(config).map(ConfigFiles::readText),
                Optional.ofNullable(version), keepVersion,
                Optional.ofNullable(remotePath), Optional.ofNullable(file),
                priority == null ? OptionalLong.empty() : OptionalLong.of(priority),
                Optional.ofNullable(show).map(s -> StageNames.validate("--show", s)),
                list, delete, keepConfig, workerLimits());
    }
}
