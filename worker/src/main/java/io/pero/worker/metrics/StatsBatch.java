package io.pero.worker.metrics;

/** Successful messages of one stage whose processing times have not been reported yet. */
public record StatsBatch(String stage, int count, double totalSeconds) {
    public double averageSeconds() {
        return totalSeconds / count;
    }
}
