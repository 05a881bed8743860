package io.pero.worker.mq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides when a stage consumer whose buffer ran dry counts as idle: only once no message has arrived for {@code delay}.
 * A fast stage drains its prefetch buffer between two deliveries all the time; reporting every such gap would write
 * IDLE and PROCESSING to ZooKeeper for nearly every message, and the watchdog, which polls every few seconds, cannot see
 * gaps that short anyway. Pure; the processing thread owns it.
 */
final class IdleDebounce {
    /** Well below the watchdog's poll period, well above the gaps between the messages of a busy queue. */
    static final Duration DEFAULT_DELAY = Duration.ofMillis(1500);

    private final Clock clock;
    private final Duration delay;
    private Instant emptySince;

    IdleDebounce(Clock clock, Duration delay) {
        this.clock = clock;
        this.delay = delay;
    }

    /** A message is being taken: whatever gap there was is over. */
    void workStarted() {
        emptySince = null;
    }

    /** The buffer holds nothing more; the idle countdown starts unless it runs already. */
    void bufferEmptied() {
        if (emptySince == null) {
            emptySince = clock.instant();
        }
    }

    /** How long to wait for the next message before {@link #idleDue()} turns true; empty when no countdown runs. */
    Optional<Duration> untilIdle() {
        if (emptySince == null) {
            return Optional.empty();
        }
        Duration left = delay.minus(Duration.between(emptySince, clock.instant()));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    /** True once per gap, when the buffer has stayed empty for the whole delay; the countdown then ends. */
    boolean idleDue() {
        if (emptySince == null || Duration.between(emptySince, clock.instant()).compareTo(delay) < 0) {
            return false;
        }
        emptySince = null;
        return true;
    }
}
