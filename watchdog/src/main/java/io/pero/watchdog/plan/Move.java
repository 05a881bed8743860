package io.pero.watchdog.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * Reassign one worker: write {@code unlock_time}, then {@code queue} (spec §7.4 step 10).
 *
 * @param from   the stage the worker is assigned to now; empty text when none
 * @param reason why, in words, for the log and {@code --dry-run}
 */
public record Move(String workerId, String from, String to, Instant unlockTime, String reason) {
    public Move {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(unlockTime, "unlockTime");
        Objects.requireNonNull(reason, "reason");
        if (from.equals(to)) {
            throw new IllegalArgumentException("move of worker " + workerId + " to the stage it already has: " + to);
        }
        if (to.isEmpty()) {
            throw new IllegalArgumentException("move of worker " + workerId + " to no stage");
        }
    }
}
