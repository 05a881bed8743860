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

    private final ConfirmingPublisher publisher;
    private final RequestFactory requests;
    private final Semaphore inFlight;
    private final Duration confirmTimeout;
    private final ProgressLine progress;

    public Uploader(ConfirmingPublisher publisher, RequestFactory requests, int maxInFlight, Duration confirmTimeout,
                    ProgressLine progress) {
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
