package io.pero.cli.publish;

import io.pero.cli.ProgressLine;
import io.pero.common.mq.ConfirmingPublisher;
import io.pero.common.mq.PublishOutcome;
import io.pero.common.mq.QueueTopology;
import io.pero.proto.ProcessingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one request per file to the first stage's queue with publisher confirms, keeping up to
 * {@code maxInFlight} publishes unconfirmed at once (no round trip per message), and reports each file's outcome.
 */
public final class Uploader {
    private static final Logger log = LoggerFactory.getLogger(Uploader.class);
    /**
     * RabbitMQ's default {@code max_message_size} (3.10 and later: 128 MiB). The broker does not advertise its limit to
     * AMQP 0-9-1 clients (neither in the server properties nor in connection.tune), so the publisher is told it
     * ({@code --max-message-size}); a larger body would make the broker close the channel and fail the whole batch.
     */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 128L * 1024 * 1024;

    private final ConfirmingPublisher publisher;
    private final RequestFactory requests;
    private final Semaphore inFlight;
    private final Duration confirmTimeout;
    private final ProgressLine progress;
    private final long maxMessageBytes;

    public Uploader(ConfirmingPublisher publisher, RequestFactory requests, int maxInFlight, Duration confirmTimeout,
                    ProgressLine progress, long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.publisher = publisher;
        this.requests = requests;
        this.inFlight = new Semaphore(maxInFlight);
        this.confirmTimeout = confirmTimeout;
        this.progress = progress;
    }

    private record Pending(Path file, ProcessingRequest request, CompletableFuture<PublishOutcome> outcome) {
    }

    public List<UploadResult> upload(List<Path> files, List<String> stages, int priority) throws InterruptedException {
        List<Pending> pending = new ArrayList<>();
        List<UploadResult> results = new ArrayList<>();
        for (Path file : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                results.add(UploadResult.failed(file, "", "", "cannot read: " + e.getMessage()));
                continue;
            }
            ProcessingRequest request = requests.create(file.getFileName().toString(), content, stages, priority);
            String tooLarge = tooLarge(file, content.length, request.getSerializedSize());
            if (tooLarge != null) {
                // Refused before publishing: the broker would close the channel, losing the unconfirmed rest of the batch.
                results.add(UploadResult.failed(file, request.getUuid(), request.getPageUuid(), tooLarge));
                progress.advance();
                continue;
            }
            if (!inFlight.tryAcquire(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                results.add(UploadResult.failed(file, request.getUuid(), request.getPageUuid(),
                        "not published: no publisher confirm arrived for " + confirmTimeout.toSeconds() + " s"));
                continue;
            }
            CompletableFuture<PublishOutcome> outcome = publisher.publish(stages.get(0),
                    QueueTopology.taskProperties(priority), request.toByteArray());
            outcome.whenComplete((o, e) -> {
                inFlight.release();
                progress.advance();
            });
            log.debug("published file={} uuid={} page_uuid={}", file, request.getUuid(), request.getPageUuid());
            pending.add(new Pending(file, request, outcome));
        }
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        for (Pending p : pending) {
            results.add(await(p, Math.max(0, deadline - System.nanoTime())));
        }
        progress.finish();
        return results;
    }

    /** Why a request of this size cannot be published, or null when it fits under the limit. */
    String tooLarge(Path file, long fileBytes, long messageBytes) {
        if (messageBytes <= maxMessageBytes) {
            return null;
        }
        return "too large: " + file + " is " + fileBytes + " bytes (" + messageBytes + " bytes as a request message), "
                + "above the broker's maximum message size of " + maxMessageBytes + " bytes (--max-message-size); not published";
    }

    private UploadResult await(Pending p, long waitNanos) throws InterruptedException {
        String uuid = p.request().getUuid();
        String pageUuid = p.request().getPageUuid();
        try {
            return UploadResult.of(p.file(), uuid, pageUuid, p.outcome().get(waitNanos, TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            return UploadResult.failed(p.file(), uuid, pageUuid, "not confirmed: " + e.getCause());
        } catch (TimeoutException e) {
            return UploadResult.failed(p.file(), uuid, pageUuid, "not confirmed within " + confirmTimeout.toSeconds() + " s");
        }
    }
}
