package io.pero.watchdog.apply;

import java.util.Optional;

/** Whether this watchdog may write now, and the node whose existence proves it inside each write transaction. */
public interface WriteGuard {
    /** A guard for a watchdog that runs alone ({@code --no-leader-election}): always writes, no fence. */
    WriteGuard ALWAYS = new WriteGuard() {
        @Override
        public boolean mayWrite() {
            return true;
        }

        @Override
        public Optional<String> fencePath() {
            return Optional.empty();
        }
    };

    /** Checked right before every write; false as soon as leadership is in doubt. */
    boolean mayWrite();

    /**
     * A node that exists only while this watchdog's session leads (its leader-latch node). Every write transaction checks
     * it, so a watchdog whose session expired cannot write even if it has not noticed yet.
     */
    Optional<String> fencePath();
}
