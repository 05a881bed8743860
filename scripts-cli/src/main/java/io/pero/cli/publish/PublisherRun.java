package io.pero.cli.publish;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.cli.CommandFailedException;
import io.pero.cli.ToolConnectionOptions;
import io.pero.cli.ProgressLine;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.AmqpSettings;
import io.pero.common.mq.ConfirmingPublisher;
import io.pero.common.net.ServerAddress;
import io.pero.proto.ProcessingRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The three things the publisher does, wired to RabbitMQ and the file system. */
final class PublisherRun {
    private static final Logger log = LoggerFactory.getLogger(PublisherRun.class);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration IDLE = Duration.ofSeconds(1);

    record DownloadOptions(String queue, Path directory, boolean keepRunning, boolean saveMessage, boolean countStatistics,
                           int prefetch) {
    }

    private final ToolConnectionOptions connection;
    private final PrintStream out;
    private final CountDownLatch stop;

    PublisherRun(ToolConnectionOptions connection, PrintStream out, CountDownLatch stop) {
        this.connection = connection;
        this.out = out;
        this.stop = stop;
    }

    int generate(List<Path> files, List<String> stages, Path directory, int priority) throws IOException {
        RequestFactory requests = RequestFactory.system();
        for (Path file : files) {
            ProcessingRequest request = requests.create(file.getFileName().toString(), Files.readAllBytes(file), stages, priority);
            Path target = directory.resolve(request.getUuid() + ".protobuf");
            Files.write(target, request.toByteArray());
            out.println(target);
        }
        return ExitCodes.OK;
    }

    int upload(MqServerSource source, List<Path> files, List<String> stages, int priority, int maxInFlight,
               long maxMessageBytes) throws Exception {
        List<UploadResult> results;
        try (Connection mq = open(source.resolve(), "publish");
             ConfirmingPublisher publisher = new ConfirmingPublisher(mq.createChannel())) {
            ProgressLine progress = ProgressLine.forTerminal(System.err, "uploaded", files.size());
            results = new Uploader(publisher, RequestFactory.system(), maxInFlight, CONFIRM_TIMEOUT, progress,
                    maxMessageBytes)
                    .upload(files, stages, priority);
        }
        long failed = 0;
        for (UploadResult r : results) {
            if (r.accepted()) {
                out.println("uploaded " + r.file() + " uuid=" + r.uuid() + " page_uuid=" + r.pageUuid());
            } else {
                failed++;
                log.error("upload failed file={} uuid={} queue={} problem={}", r.file(), r.uuid(), stages.get(0), r.problem());
            }
        }
        log.info("upload finished queue={} files={} accepted={} failed={}", stages.get(0), results.size(),
                results.size() - failed, failed);
        // Differs from the original: unroutable or unconfirmed uploads make the exit code 1 (it logged them and exited 0).
        if (failed > 0) {
            throw new CommandFailedException("upload: " + failed + " of " + results.size() + " files not accepted by queue "
                    + stages.get(0) + " (first: " + results.stream().filter(r -> !r.accepted()).findFirst().orElseThrow().problem() + ")");
        }
        return ExitCodes.OK;
    }

    int download(MqServerSource source, DownloadOptions o) throws Exception {
        DownloadStatistics statistics = new DownloadStatistics();
        Downloader.Summary summary;
        try (Connection mq = open(source.resolve(), "consume"); Channel channel = mq.createChannel()) {
            ProgressLine progress = ProgressLine.forTerminal(System.err, "downloaded", 0);
            Downloader downloader = new Downloader(channel, new DownloadWriter(o.directory()), statistics, progress);
            summary = downloader.run(new Downloader.Options(o.queue(), o.keepRunning(), o.saveMessage(), o.prefetch(), IDLE), stop);
        }
        out.println(summary.written() == 0 ? "Queue is empty, no messages were received"
                : "Number of received messages: " + summary.written()
                + (summary.duplicates() > 0 ? " (" + summary.duplicates() + " duplicates kept as <uuid>.dup-<n>)" : ""));
        log.info("download finished queue={} messages={} duplicates={} unparseable={}", o.queue(), summary.written(),
                summary.duplicates(), summary.unparseable());
        if (o.countStatistics()) {
            statistics.summary().forEach(out::println);
        }
        if (summary.unparseable() > 0) {
            throw new CommandFailedException("download: " + summary.unparseable() + " messages were not processing requests; "
                    + "kept raw as " + o.directory().resolve(DownloadWriter.UNPARSEABLE_PREFIX + "<n>.bin"));
        }
        return ExitCodes.OK;
    }

    private Connection open(List<ServerAddress> servers, String role) throws IOException {
        AmqpSettings settings = new AmqpSettings(() -> servers, connection.credentials(), connection.checkHostname(), 60);
        return new AmqpConnections(settings).open("pero-publisher:" + ProcessHandle.current().pid() + ":" + role);
    }
}
