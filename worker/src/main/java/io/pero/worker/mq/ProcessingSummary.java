package io.pero.worker.mq;

import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One INFO line per minute about what the stage's processing did, instead of lines per message: processed, failed and
 * the rate since the last summary. Used on one processing thread.
 */
final class ProcessingSummary {
    static final long EVERY_NANOS = 60_000_000_000L;

    private final String stage;
    private final LongSupplier nanoTime;
    private long since;
    private long processed;
    private long failed;

    ProcessingSummary(String stage, LongSupplier nanoTime) {
        this.stage = stage;
        this.nanoTime = nanoTime;
        this.since = nanoTime.getAsLong();
    }

    /** Counts one message; returns the summary line when one is due. */
    Optional<String> count(boolean ok) {
        if (ok) {
            processed++;
        } else {
            failed++;
        }
        long now = nanoTime.getAsLong();
        if (now - since < EVERY_NANOS) {
            return Optional.empty();
        }
        double seconds = (now - since) / 1e9;
        String line = String.format(Locale.ROOT, "processing summary stage=%s processed=%d failed=%d seconds=%.0f rate_per_s=%.1f",
                stage, processed, failed, seconds, (processed + failed) / seconds);
        since = now;
        processed = 0;
        failed = 0;
        return Optional.of(line);
    }
}
