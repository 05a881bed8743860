package io.pero.watchdog.events;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Wakes the scheduling loop: at the end of its periodic interval, or {@code debounce} after the first of a burst of events
 * (every event of the burst is answered by that one plan). Thread-safe; event sources call {@link #signal} from their own
 * threads, the loop calls {@link #await}.
 */
public final class ReplanTrigger {
    /** Why the loop woke: the reasons of the events collected, empty for the periodic cycle. */
    public record Wakeup(Set<String> reasons) {
        public boolean periodic() {
            return reasons.isEmpty();
        }
    }

    private final Duration debounce;
    private final LongSupplier nanoTime;
    private final Set<String> reasons = new LinkedHashSet<>();
    private long firstSignalAt;
    private boolean stopped;

    public ReplanTrigger(Duration debounce) {
        this(debounce, System::nanoTime);
    }

    ReplanTrigger(Duration debounce, LongSupplier nanoTime) {
        this.debounce = debounce;
        this.nanoTime = nanoTime;
    }

    public synchronized void signal(String reason) {
        if (reasons.isEmpty()) {
            firstSignalAt = nanoTime.getAsLong();
        }
        reasons.add(reason);
        notifyAll();
    }

    /**
     * Waits at most {@code period}, or until {@code debounce} after the first pending event, whichever is first. Events
     * signalled before the call count (they arrived while the last plan ran). Empty when stopped.
     */
    public synchronized Optional<Wakeup> await(Duration period) throws InterruptedException {
        long periodicAt = nanoTime.getAsLong() + period.toNanos();
        while (!stopped) {
            long now = nanoTime.getAsLong();
            long due = reasons.isEmpty() ? periodicAt : Math.min(periodicAt, firstSignalAt + debounce.toNanos());
            if (now - due >= 0) {
                Wakeup w = new Wakeup(Set.copyOf(reasons));
                reasons.clear();
                return Optional.of(w);
            }
            long waitNanos = due - now;
            wait(Math.max(1, waitNanos / 1_000_000), 0);
        }
        return Optional.empty();
    }

    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }
}
