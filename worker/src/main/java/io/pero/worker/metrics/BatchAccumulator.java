package io.pero.worker.metrics;

import java.util.Optional;

/**
 * Collects processing times of successful messages and hands out a batch when it holds more than {@code batchLimit}
 * (the original reports at 11, spec §6.8) or when consumption stops. Not thread-safe: the processing thread owns it.
 */
public final class BatchAccumulator {
    public static final int ORIGINAL_BATCH_LIMIT = 10;

    private final String stage;
    private final int batchLimit;
    private int count;
    private double total;

    public BatchAccumulator(String stage, int batchLimit) {
        this.stage = stage;
        this.batchLimit = batchLimit;
    }

    /** Adds one success; returns the batch to report once the count goes above the limit. */
    public Optional<StatsBatch> add(double seconds) {
        count++;
        total += seconds;
        return count > batchLimit ? drain() : Optional.empty();
    }

    /** The unreported rest, if any, and starts a new batch. */
    public Optional<StatsBatch> drain() {
        if (count == 0) {
            return Optional.empty();
        }
        StatsBatch batch = new StatsBatch(stage, count, total);
        count = 0;
        total = 0;
        return Optional.of(batch);
    }
}
