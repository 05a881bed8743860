package io.pero.worker.processing;

import io.pero.proto.ProcessingRequest;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Simulates processing by waiting a configured time (spec §6.6, {@code [WORKER] DUMMY}); results are left unchanged. */
final class DummyProcessor implements RequestProcessor {
    /** How the simulated work passes time; tests replace it. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final DummySettings settings;
    private final DoubleSupplier uniform01;
    private final Sleeper sleeper;

    DummyProcessor(DummySettings settings, DoubleSupplier uniform01, Sleeper sleeper) {
        this.settings = settings;
        this.uniform01 = uniform01;
        this.sleeper = sleeper;
    }

    @Override
    public void process(ProcessingRequest.Builder request, StageLogger log) throws Exception {
        if (request.getResultsCount() == 0) {
            log.error("Failed to get request data from results: the request has no results");
            throw new IllegalArgumentException("request " + request.getUuid() + " has no results to process");
        }
        long dataSize = request.getResults(0).getContent().size();
        double seconds = settings.seconds(dataSize, uniform01.getAsDouble());
        log.info("Dummy processing, waiting for {} seconds", seconds);
        log.info("Dummy processing time: {} seconds", seconds);
        log.info("Request data size: {}", dataSize);
        if (settings.timeScale() != 1) {
            log.info("Processing time scale: {}", settings.timeScale());
        }
        if (settings.timeDelta() != 0) {
            log.info("Time delta: {}", settings.timeDelta());
        } else if (settings.diffMin() != 0 || settings.diffMax() != 0) {
            log.info("Time difference min: {}", settings.diffMin());
            log.info("Time difference max: {}", settings.diffMax());
        }
        Duration wait = DummySettings.toDuration(seconds);
        // Thread.sleep(0) is a yield: on a busy machine it hands the CPU away for a whole time slice per message.
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }
}
