package io.pero.watchdog.plan;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one scheduling cycle. Applying it writes exactly: for each move {@code unlock_time} then {@code queue};
 * for each wake the unchanged {@code queue} (a Python worker's "run again" signal); each {@code waiting_since} change.
 *
 * @param notes why nothing or little happened ("all queues are empty"), for the log
 */
public record Plan(String policy, List<StageScore> scores, List<Move> moves, List<String> wakes,
                   List<WaitingSinceChange> waitingSince, List<String> notes) {
    public Plan {
        Objects.requireNonNull(policy, "policy");
        scores = List.copyOf(scores);
        moves = List.copyOf(moves);
        wakes = List.copyOf(wakes);
        waitingSince = List.copyOf(waitingSince);
        notes = List.copyOf(notes);
    }

    /** A plan that writes nothing, with the reason. */
    public static Plan nothing(String policy, List<StageScore> scores, String note) {
        return new Plan(policy, scores, List.of(), List.of(), List.of(), List.of(note));
    }

    public boolean writesNothing() {
        return moves.isEmpty() && wakes.isEmpty() && waitingSince.isEmpty();
    }
}
