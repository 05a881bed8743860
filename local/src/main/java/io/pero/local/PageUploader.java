package io.pero.local;

import io.pero.cli.publish.RequestFactory;
import io.pero.common.mq.ConfirmingPublisher;
import io.pero.common.mq.PublishOutcome;
import io.pero.common.mq.QueueTopology;
import io.pero.proto.ProcessingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one request per page (made as {@code pero-publisher} makes them) to the first stage with publisher
 * confirms, and journals each page once its publish is confirmed; no more pages than the {@link UploadWindow} allows
 * wait in the broker at once. A page that cannot be read or published is reported as finished with the reason; the
 * others go on.
 */
final class PageUploader {
    private static final Logger log = LoggerFactory.getLogger(PageUploader.class);
    private static final int MAX_IN_FLIGHT = 32;
    private static final long CONFIRM_TIMEOUT_S = 60;

    private final ConfirmingPublisher publisher;
    private final RequestFactory requests;
    private final RunJournal journal;
    private final Consumer<RunJournal.Finished> onFailed;

    PageUploader(ConfirmingPublisher publisher, RequestFactory requests, RunJournal journal, Consumer<RunJournal.Finished> onFailed) {
        this.publisher = publisher;
        this.requests = requests;
        this.journal = journal;
        this.onFailed = onFailed;
    }

    /**
     * Uploads {@code pages}, each once {@code window} has room (so this returns only once all but the last window's
     * worth have finished). Interrupted, it stops taking pages, waits for the publishes already sent to settle (each
     * is journaled or reported), and throws.
     */
    void upload(List<Pages.Page> pages, List<String> stages, UploadWindow window) throws InterruptedException {
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        try {
            for (Pages.Page page : pages) {
                window.takePlace();
                uploadOne(page, stages, inFlight);
            }
        } finally {
            awaitSettled(inFlight);
        }
    }

    private void uploadOne(Pages.Page page, List<String> stages, Semaphore inFlight) throws InterruptedException {
        byte[] content;
        try {
            content = Files.readAllBytes(page.file());
        } catch (IOException e) {
            fail(page, "cannot read " + page.file() + ": " + e.getMessage());
            return;
        }
        ProcessingRequest request = requests.create(page.name(), content, stages, 0);
        if (!inFlight.tryAcquire(CONFIRM_TIMEOUT_S, TimeUnit.SECONDS)) {
            fail(page, "not uploaded: no publisher confirm for " + CONFIRM_TIMEOUT_S + " s");
            return;
        }
        CompletableFuture<PublishOutcome> outcome = publisher.publish(stages.get(0), QueueTopology.taskProperties(0),
                request.toByteArray());
        outcome.whenComplete((o, e) -> {
            // The permit goes back only once the outcome is journaled: awaitSettled's "every publish settled" must mean
            // the journal knows, or a stop could close the connection with a confirmed page not yet recorded (the next
            // run with the same --data-dir would upload it again). Releasing first made PageUploaderIT flaky (4 of 5).
            try {
                if (o == PublishOutcome.CONFIRMED) {
                    journal.recordUploaded(page.name());
                    log.debug("page uploaded page={} uuid={}", page.name(), request.getUuid());
                } else {
                    fail(page, "not uploaded: " + (e != null ? e.toString() : "broker answered " + o));
                }
            } finally {
                inFlight.release();
            }
        });
    }

    /** Every publish settled: all permits back (also when interrupted: the journal must know what the broker has). */
    private static void awaitSettled(Semaphore inFlight) {
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONFIRM_TIMEOUT_S);
            while (true) {
                try {
                    if (inFlight.tryAcquire(MAX_IN_FLIGHT, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        inFlight.release(MAX_IN_FLIGHT);
                    } else {
                        log.warn("some uploads not confirmed within {} s", CONFIRM_TIMEOUT_S);
                    }
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void fail(Pages.Page page, String reason) {
        RunJournal.Finished f = new RunJournal.Finished(page.name(), false, reason);
        if (journal.recordFinished(f)) {
            onFailed.accept(f);
        }
    }
}
