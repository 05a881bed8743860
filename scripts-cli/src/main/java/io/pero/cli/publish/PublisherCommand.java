package io.pero.cli.publish;

import io.pero.cli.CliCommand;
import io.pero.cli.ToolConnectionOptions;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pero-publisher}: uploads files as processing requests and downloads results (spec §9.1). */
@Command(name = "pero-publisher", usageHelpAutoWidth = true,
        description = {"Upload: one processing request per file (-i and/or every file in -r) to the first of the stages -t "
                + "(the last stage is the output queue).",
                "Download (-d QUEUE): each result to <dir>/<uuid>/, until the queue is empty (or until Ctrl-C with -k). "
                        + "A message seen twice goes to <uuid>.dup-<n>/."})
public final class PublisherCommand extends CliCommand {
    @Spec
    CommandSpec spec;
    @Mixin
    ToolConnectionOptions connection;

    @Option(names = {"-s", "--mq-servers"}, arity = "1..*", paramLabel = "HOST[:PORT]",
            description = "RabbitMQ servers to use instead of those registered in ZooKeeper.")
    List<String> mqServers;
    @Option(names = {"-m", "--mq-list"}, paramLabel = "FILE", description = "File with RabbitMQ servers, one per line; overrides -s.")
    Path mqList;
    @Option(names = {"-d", "--download"}, paramLabel = "QUEUE", description = "Download results from this queue.")
    String download;
    @Option(names = {"-k", "--keep-running"}, description = "With -d: keep waiting for messages until Ctrl-C.")
    boolean keepRunning;
    @Option(names = {"-r", "--directory"}, paramLabel = "DIR",
            description = "Upload: every regular file in DIR (not recursive; must exist). Download: the output directory (created if missing).")
    Path directory;
    @Option(names = {"-i", "--images"}, arity = "1..*", paramLabel = "FILE", description = "Files to upload.")
    List<Path> images = new ArrayList<>();
    @Option(names = {"-t", "--stages"}, arity = "1..*", paramLabel = "STAGE",
            description = "Processing stages, the output queue last.")
    List<String> stages = new ArrayList<>();
    @Option(names = {"-y", "--priority"}, defaultValue = "0", description = "Request and message priority (default: 0).")
    int priority;
    @Option(names = "--count-statistics", description = "With -d: print per-stage counts and mean processing times.")
    boolean countStatistics;
    @Option(names = "--save-message", description = "With -d: also keep the raw message as <uuid>/message_body.")
    boolean saveMessage;
    @Option(names = "--gen-msg-only", description = "Only write <DIR>/<uuid>.protobuf for each -i file (needs -r, -t); no RabbitMQ.")
    boolean genMsgOnly;
    @Option(names = "--max-in-flight", defaultValue = "256", paramLabel = "N",
            description = "Uploads awaiting a broker confirm at once (default: ${DEFAULT-VALUE}).")
    int maxInFlight;
    @Option(names = "--prefetch", defaultValue = "64", paramLabel = "N",
            description = "Downloads held unacknowledged at once (default: ${DEFAULT-VALUE}).")
    int prefetch;
    @Option(names = "--max-message-size", paramLabel = "BYTES", defaultValue = "" + Uploader.DEFAULT_MAX_MESSAGE_BYTES,
            description = "Largest request message the broker takes (its max_message_size; default: ${DEFAULT-VALUE}, "
                    + "RabbitMQ's default). Larger files are reported and not published; the rest are.")
    long maxMessageSize;

    private final PrintStream out;
    private final CountDownLatch stop;

    /** {@code stop} ends a {@code -k} download; {@code PublisherMain} counts it down on Ctrl-C or SIGTERM. */
    public PublisherCommand(PrintStream out, CountDownLatch stop) {
        this.out = out;
        this.stop = stop;
    }

    @Override
    public Integer call() throws Exception {
        validateCommon();
        PublisherRun run = new PublisherRun(connection, out, stop);
        if (genMsgOnly) {
            return run.generate(requireImages(), requiredStages(), requiredDirectory("--gen-msg-only"), priority);
        }
        if (download != null) {
            Path dir = requiredDirectory("-d");
            PublisherRun.DownloadOptions options = new PublisherRun.DownloadOptions(download, dir, keepRunning, saveMessage,
                    countStatistics, prefetch);
            return run.download(new MqServerSource(mqServers, mqList, connection), options);
        }
        List<Path> files = new UploadFiles().collect(images, directory);
        if (files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no input files: give -i FILE... and/or -r DIR with files in it");
        }
        return run.upload(new MqServerSource(mqServers, mqList, connection), files, requiredStages(), priority, maxInFlight, maxMessageSize);
    }

    private void validateCommon() {
        // Differs from the original: a priority the AMQP property cannot carry is refused up front.
        if (priority < 0 || priority > 255) {
            throw new ConfigException("--priority " + priority + ": must be 0..255 (an AMQP priority; stage queues use 0 and 1)");
        }
        if (maxInFlight < 1 || prefetch < 1) {
            throw new ConfigException("--max-in-flight and --prefetch must be at least 1");
        }
        if (maxMessageSize < 1) {
            throw new ConfigException("--max-message-size " + maxMessageSize + ": must be at least 1 byte");
        }
        if (directory != null && (download != null || genMsgOnly) && !Files.exists(directory)) {
            // An output directory is created (with its parents), so `-d out -r results` works without a mkdir first.
            try {
                Files.createDirectories(directory);
            } catch (java.io.IOException e) {
                throw new ConfigException("--directory " + directory + ": cannot create: " + e.getMessage(), e);
            }
        }
        if (directory != null && !Files.isDirectory(directory)) {
            throw new ConfigException("--directory " + directory + ": not an existing directory");
        }
        stages.forEach(s -> {
            if (s.isBlank()) {
                throw new ConfigException("--stages: a stage name must not be empty");
            }
        });
    }

    private List<Path> requireImages() {
        if (images.isEmpty()) {
            // Differs from the original: it silently did nothing without -i.
            throw new ParameterException(spec.commandLine(), "--gen-msg-only needs -i FILE...");
        }
        return new UploadFiles().collect(images, null);
    }

    private List<String> requiredStages() {
        if (stages.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no processing stages: give -t STAGE... (the output queue last)");
        }
        return stages;
    }

    private Path requiredDirectory(String mode) {
        if (directory == null) {
            throw new ParameterException(spec.commandLine(), mode + " needs -r DIR");
        }
        return directory;
    }
}
