package io.pero.watchdog.apply;

import io.pero.watchdog.plan.Move;
import java.util.List;

/**
 * What a plan's application wrote.
 *
 * @param skipped       writes left out, each with its reason (a node changed since the snapshot, leadership lost)
 * @param leadershipLost true when writing stopped because this watchdog may no longer write
 */
public record ApplyResult(List<Move> applied, int wakes, int waitingSinceChanges, List<String> skipped, boolean leadershipLost) {
    public ApplyResult {
        applied = List.copyOf(applied);
        skipped = List.copyOf(skipped);
    }
}
