package io.pero.watchdog.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The watchdog's memory of its own recent moves, which the snapshot cannot show: where each worker came from. Immutable;
 * the loop keeps the latest value. A new leader starts empty, so at worst it allows one early move back.
 */
public final class MoveHistory {
    /** The last move of one worker. */
    public record LastMove(String from, String to, Instant at) {
    }

    private static final MoveHistory EMPTY = new MoveHistory(Map.of());
    private final Map<String, LastMove> byWorker;

    private MoveHistory(Map<String, LastMove> byWorker) {
        this.byWorker = Map.copyOf(byWorker);
    }

    public static MoveHistory empty() {
        return EMPTY;
    }

    public Optional<LastMove> lastMove(String workerId) {
        return Optional.ofNullable(byWorker.get(workerId));
    }

    /** This history plus {@code applied} (moves that were written) at {@code at}, forgetting moves older than {@code keep}. */
    public MoveHistory after(List<Move> applied, Instant at, Duration keep) {
        Map<String, LastMove> next = new HashMap<>();
        byWorker.forEach((id, m) -> {
            if (m.at().plus(keep).isAfter(at)) {
                next.put(id, m);
            }
        });
        for (Move move : applied) {
            next.put(move.workerId(), new LastMove(move.from(), move.to(), at));
        }
        return new MoveHistory(next);
    }

    public int size() {
        return byWorker.size();
    }
}
