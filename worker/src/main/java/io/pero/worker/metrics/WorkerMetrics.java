package io.pero.worker.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Counters for the shutdown summary line: messages processed, failed and parked, and the uptime. Thread-safe. */
public final class WorkerMetrics {
    private final Clock clock;
    private final Instant started;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    public WorkerMetrics(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    public void processed() {
        processed.incrementAndGet();
    }

    public void failed() {
        failed.incrementAndGet();
    }

    /** A message went to the error queue. */
    public void parked() {
        parked.incrementAndGet();
    }

    public long processedCount() {
        return processed.get();
    }

    public long failedCount() {
        return failed.get();
    }

    public long parkedCount() {
        return parked.get();
    }

    public Duration uptime() {
        return Duration.between(started, clock.instant());
    }
}
