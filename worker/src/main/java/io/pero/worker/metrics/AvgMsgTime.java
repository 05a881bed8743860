package io.pero.worker.metrics;

import java.util.Optional;

/** The {@code avg_msg_time} update rule (spec §6.8). Pure. */
public final class AvgMsgTime {
    private AvgMsgTime() {
    }

    /**
     * The new stage average: the batch average when nothing is known yet, else the mean of the old value and the batch.
     * A non-finite or negative old value (a corrupted node) counts as unknown.
     */
    public static double combine(Optional<Double> old, double batchAverage) {
        if (old.isEmpty() || !Double.isFinite(old.get()) || old.get() < 0) {
            return batchAverage;
        }
        // Differs from the original: it computed batch + old/2 (operator precedence, spec §12 item 1).
        return (batchAverage + old.get()) / 2;
    }
}
