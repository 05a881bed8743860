package io.pero.local;

import com.google.protobuf.InvalidProtocolBufferException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.AMQP;
import io.pero.cli.publish.DownloadLayout;
import io.pero.common.mq.QueueTopology;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the output queue: writes each awaited page's result files into the output directory (each through a
 * temporary file and an atomic rename, so a file is either absent or complete), records the page as finished in the
 * journal, and only then acks. A request for a page already finished (a duplicate after a restart) or for a page this
 * run does not await is acked without writing anything.
 *
 * <p>It also consumes the error queue, where a worker parks a request it will not process (one that was being processed
 * each time a process died, {@code max_deliveries} times, e.g. a page that takes the JVM down every time it is read
 * across runs with {@code --data-dir}): such a page is recorded as failed with the worker's reason, instead of the
 * run waiting for it forever.
 */
final class ResultCollector {
    private static final Logger log = LoggerFactory.getLogger(ResultCollector.class);
    private static final int PREFETCH = 8;

    private final Channel channel;
    private final Path outDir;
    private final RunJournal journal;
    private final Set<String> awaited;
    private final Consumer<RunJournal.Finished> onFinished;

    ResultCollector(Channel channel, Path outDir, RunJournal journal, Set<String> awaited, Consumer<RunJournal.Finished> onFinished) {
        this.channel = channel;
        this.outDir = outDir;
        this.journal = journal;
        this.awaited = Set.copyOf(awaited);
        this.onFinished = onFinished;
    }

    void start(String queue, String errorQueue) throws IOException {
        channel.basicQos(PREFETCH);
        channel.basicConsume(queue, false, "pero-local-results", new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) throws IOException {
                handle(envelope.getDeliveryTag(), body);
            }
        });
        channel.basicConsume(errorQueue, false, "pero-local-parked", new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) throws IOException {
                handleParked(envelope.getDeliveryTag(), errorQueue, properties, body);
            }
        });
    }

    private void handleParked(long tag, String errorQueue, AMQP.BasicProperties properties, byte[] body) throws IOException {
        ProcessingRequest request = parse(tag, body, "parked message");
        if (request == null) {
            return;
        }
        String page = PageOutcome.of(request).page();
        if (!counts(tag, page, request.getUuid(), "parked request not counted")) {
            return;
        }
        Object reason = properties.getHeaders() == null ? null : properties.getHeaders().get(QueueTopology.HEADER_ERROR_REASON);
        settle(tag, new RunJournal.Finished(page, false, "parked in " + errorQueue + " by a worker: "
                + (reason == null ? "no reason given" : reason.toString())));
    }

    private void handle(long tag, byte[] body) throws IOException {
        ProcessingRequest request = parse(tag, body, "output message");
        if (request == null) {
            return;
        }
        PageOutcome outcome = PageOutcome.of(request);
        if (!counts(tag, outcome.page(), request.getUuid(), "result not written")) {
            return;
        }
        RunJournal.Finished finished;
        try {
            write(outcome);
            finished = new RunJournal.Finished(outcome.page(), outcome.ok(), outcome.reason());
        } catch (IOException e) {
            finished = new RunJournal.Finished(outcome.page(), false, "cannot write results into " + outDir + ": " + FileErrors.describe(e));
        }
        settle(tag, finished);
    }

    /** The request in {@code body}, or null when it is none (then acked: it can never become one). */
    private ProcessingRequest parse(long tag, byte[] body, String what) throws IOException {
        try {
            return ProcessingRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            log.warn("{} is not a ProcessingRequest; dropped cause={}", what, e.getMessage());
            channel.basicAck(tag, false);
            return null;
        }
    }

    /** Whether a request for {@code page} finishes it: a page of this run not finished yet. Otherwise it is acked. */
    private boolean counts(long tag, String page, String uuid, String what) throws IOException {
        if (awaited.contains(page) && !journal.isFinished(page)) {
            return true;
        }
        log.info("{} page={} uuid={} reason={}", what, page, uuid,
                awaited.contains(page) ? "page already finished (duplicate)" : "not a page of this run");
        channel.basicAck(tag, false);
        return false;
    }

    /** Journals the page as finished, acks, and only then reports it (once). */
    private void settle(long tag, RunJournal.Finished finished) throws IOException {
        boolean first = journal.recordFinished(finished);
        channel.basicAck(tag, false);
        // Only after the ack: once the last page counts as finished the run closes this channel, and an ack after that
        // failed the run. The journal already holds the page, so a redelivery after a crash here is not counted twice.
        if (first) {
            onFinished.accept(finished);
        }
    }

    private void write(PageOutcome outcome) throws IOException {
        Files.createDirectories(outDir);
        for (Data result : outcome.resultFiles()) {
            // The publisher's rule: a name from a message becomes one harmless path component.
            String name = DownloadLayout.safeName(result.getName());
            Path tmp = outDir.resolve("." + name + ".part");
            Files.write(tmp, result.getContent().toByteArray());
            Files.move(tmp, outDir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
