package io.pero.cli.stats;

import io.pero.cli.CliCommand;
import io.pero.cli.publish.DownloadLayout;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.proto.ProcessingRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pero-stats}: statistics over a directory written by {@code pero-publisher -d QUEUE -r DIR --save-message}. */
@Command(name = "pero-stats", usageHelpAutoWidth = true,
        description = "Statistics over downloaded results (DIR/*/message_body, written by pero-publisher --save-message): "
                + "processing and waiting times per stage, processing time per worker, total time per pipeline, and a "
                + "timeline of completions per minute.")
public final class StatsCommand extends CliCommand {
    private static final Logger log = LoggerFactory.getLogger(StatsCommand.class);

    @Option(names = {"-d", "--directory"}, required = true, paramLabel = "DIR", description = "Download directory.")
    Path directory;
    @Option(names = {"-s", "--short"}, description = "Leave out the timeline.")
    boolean shortReport;
    @Option(names = {"-r", "--raw"}, description = "Print each message's stage times instead of the statistics.")
    boolean raw;

    private final PrintStream out;

    public StatsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(directory)) {
            throw new ConfigException("--directory " + directory + ": not a directory");
        }
        List<Path> bodies;
        try (Stream<Path> dirs = Files.list(directory)) {
            bodies = dirs.map(d -> d.resolve(DownloadLayout.MESSAGE_BODY)).filter(Files::isRegularFile).sorted().toList();
        }
        if (bodies.isEmpty()) {
            throw new ConfigException("--directory " + directory + ": no */" + DownloadLayout.MESSAGE_BODY
                    + " files (download with pero-publisher -d QUEUE -r DIR --save-message)");
        }
        ResultStatistics stats = new ResultStatistics();
        int unreadable = 0;
        for (Path body : bodies) {
            ProcessingRequest message;
            try {
                message = ProcessingRequest.parseFrom(Files.readAllBytes(body));
            } catch (IOException e) {
                // One bad file is reported and skipped; it does not hide the statistics of the others.
                log.warn("message skipped file={} cause={}", body, e.getMessage());
                unreadable++;
                continue;
            }
            if (raw) {
                RawLines.of(message).forEach(out::println);
            } else {
                stats.add(message);
            }
        }
        if (!raw) {
            stats.report(!shortReport).forEach(out::println);
        }
        log.info("statistics done directory={} messages={} unreadable={}", directory, bodies.size(), unreadable);
        return unreadable == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
