package io.pero.local;

import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.engine.OcrEngine;
import io.pero.worker.ocr.OcrEngineSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR engines for the local workers, opened on a thread of their own while ZooKeeper, the broker and SFTP start, so
 * that loading the models (seconds) is off the path to the first page. The workers still go through their whole
 * stage protocol (assignment, configuration from ZooKeeper, stage directory, {@code config.ini} parsed): only when the
 * configuration they read equals the one prepared here, is a prepared engine handed over instead of opening another
 * one; any other configuration (another stage, models from files) is opened as usual. Each prepared engine is handed
 * over once and then belongs to the worker; {@link #close()} closes those nobody took.
 */
final class PreparedEngines implements OcrEngineSource, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PreparedEngines.class);

    private final OcrConfig config;
    private final Function<OcrConfig, OcrEngine> opener;
    private final Deque<CompletableFuture<OcrEngine>> ready = new ArrayDeque<>();

    /** Starts opening {@code count} engines for {@code config}, one after another, on a daemon thread. */
    PreparedEngines(OcrConfig config, int count) {
        this(config, count, OcrEngine::open);
    }

    PreparedEngines(OcrConfig config, int count, Function<OcrConfig, OcrEngine> opener) {
        this.config = config;
        this.opener = opener;
        for (int i = 0; i < count; i++) {
            ready.add(new CompletableFuture<>());
        }
        var pending = ready.stream().toList();
        Thread t = new Thread(() -> {
            for (CompletableFuture<OcrEngine> slot : pending) {
                long start = System.nanoTime();
                try {
                    slot.complete(opener.apply(config));
                    log.info("ocr engine prepared took_ms={}", (System.nanoTime() - start) / 1_000_000);
                } catch (Throwable e) {
                    slot.completeExceptionally(e);
                }
            }
        }, "pero-local-prepare-engines");
        t.setDaemon(true);
        t.start();
    }

    /**
     * A prepared engine when {@code wanted} is the prepared configuration and one is left (waiting for it to finish
     * opening); otherwise, or when preparing it failed, a newly opened one, so a failure shows where the worker
     * reports it (its stage's configuration failure).
     */
    @Override
    public OcrEngine open(OcrConfig wanted) {
        CompletableFuture<OcrEngine> slot = wanted.equals(config) ? take() : null;
        if (slot != null) {
            try {
                return slot.join();
            } catch (CompletionException e) {
                log.warn("prepared ocr engine failed, opening it again cause={}", String.valueOf(e.getCause()));
            }
        }
        return opener.apply(wanted);
    }

    private synchronized CompletableFuture<OcrEngine> take() {
        return ready.poll();
    }

    /** Closes the engines no worker took (waiting for one still opening). */
    @Override
    public void close() {
        CompletableFuture<OcrEngine> slot;
        while ((slot = take()) != null) {
            try {
                slot.join().close();
            } catch (CompletionException e) {
                log.debug("unused prepared engine had failed cause={}", String.valueOf(e.getCause()));
            }
        }
    }
}
