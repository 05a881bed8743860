package io.pero.watchdog.plan;

import io.pero.common.status.WorkerStatus;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.common.mq.depth.QueueDepth;
import io.pero.watchdog.snapshot.StageState;
import io.pero.watchdog.snapshot.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Python watchdog's decision ({@code adjust_processing}, spec §7.3 and §7.4), move for move: the priority formula, every
 * free worker to the current top queue with recomputation after each, at most one busy worker moved when none is free,
 * {@code unlock_time = sample + avg × 10 + 10 s}, and {@code waiting_since} set for unserved stages with messages.
 */
public final class OriginalPolicy implements RebalancePolicy {
    public static final String NAME = "original";
    /** The original reads an empty {@code avg_msg_time} as 100 s. */
    static final double UNKNOWN_AVG_MSG_TIME_S = 100;
    static final int MINIMAL_MESSAGE_NUMBER = 10;
    static final double MINIMAL_RECONFIGURATION_TIME_S = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plan plan(ClusterSnapshot snapshot, MoveHistory history) {
        List<WorkerState> kept = snapshot.schedulableWorkers();
        if (snapshot.stages().isEmpty()) {
            return Plan.nothing(NAME, List.of(), "no queues with configuration found");
        }
        if (snapshot.queues().isEmpty()) {
            return Plan.nothing(NAME, List.of(), "the broker lists no queues");
        }
        if (kept.isEmpty()) {
            return Plan.nothing(NAME, List.of(), "no schedulable workers");
        }
        Assignments state = new Assignments(snapshot);
        List<StageScore> initial = priorities(snapshot, kept, state);
        List<StageScore> scores = initial;
        if (scores.isEmpty()) {
            // Differs from the original: it raised IndexError here (spec §12 item 7); this is an ordinary empty cycle.
            return Plan.nothing(NAME, scores, "no broker queue matches a configured stage");
        }
        if (scores.get(0).relative() == 0) {
            return Plan.nothing(NAME, scores, "all queues are empty, skipping scheduling");
        }
        List<WorkerState> free = kept.stream().filter(w -> w.status() != WorkerStatus.PROCESSING).toList();
        if (free.isEmpty()) {
            moveOneBusyWorker(snapshot, kept, state, scores);
        } else {
            for (WorkerState w : free) {
                // Differs from the original: a free worker already on the top queue is not rewritten (no same-stage move).
                switchTo(snapshot, state, w, scores.get(0), "free worker to the top queue");
                scores = priorities(snapshot, kept, state);
            }
        }
        markWaiting(snapshot, kept, state);
        return new Plan(NAME, initial, state.moves(), List.of(),
                state.waitingChanges(), List.of());
    }

    /** Lowest-priority queue first, each worker in order: the first unlocked worker found there goes to the top queue. */
    private static void moveOneBusyWorker(ClusterSnapshot snapshot, List<WorkerState> kept, Assignments state,
                                          List<StageScore> scores) {
        StageScore top = scores.get(0);
        // Differs from the original: the top queue itself is never a source, so no worker is "moved" to its own stage.
        for (int i = scores.size() - 1; i > 0; i--) {
            String source = scores.get(i).stage();
            for (WorkerState w : kept) {
                if (!w.lockedAt(snapshot.now()) && source.equals(state.queueOf(w.id()))) {
                    switchTo(snapshot, state, w, top, "busy worker from the lowest-priority queue " + source + " to the top queue");
                    return;
                }
            }
        }
    }

    private static void switchTo(ClusterSnapshot snapshot, Assignments state, WorkerState w, StageScore target, String why) {
        StageState stage = snapshot.stage(target.stage()).orElseThrow();
        double lockSeconds = avgMsgTime(stage) * MINIMAL_MESSAGE_NUMBER + MINIMAL_RECONFIGURATION_TIME_S;
        Instant unlock = snapshot.now().plus(Duration.ofNanos(Math.round(lockSeconds * 1e6) * 1000));
        String reason = String.format(Locale.ROOT, "%s (relative priority %.3f)", why, target.relative());
        state.assign(w.id(), target.stage(), unlock, reason);
        state.setWaitingSince(target.stage(), Optional.empty());
    }

    /** {@code set_queue_to_waiting}: a stage with messages and no worker starts waiting now, unless it already waits. */
    private static void markWaiting(ClusterSnapshot snapshot, List<WorkerState> kept, Assignments state) {
        for (StageState s : snapshot.stages()) {
            long messages = snapshot.depth(s.name()).orElse(0);
            if (messages > 0 && state.countOn(s.name(), kept) == 0 && state.waitingSince(s.name()).isEmpty()) {
                state.setWaitingSince(s.name(), Optional.of(snapshot.now()));
            }
        }
    }

    /**
     * {@code priority = messages × avg / (n + 1) + waiting × (admin + 1)} for every broker queue that is a schedulable stage,
     * sorted by relative priority, highest first; the sort is stable, so ties keep the broker's order.
     */
    static List<StageScore> priorities(ClusterSnapshot snapshot, List<WorkerState> kept, Assignments state) {
        List<StageScore> raw = new ArrayList<>();
        for (QueueDepth q : snapshot.queues()) {
            Optional<StageState> stage = snapshot.stage(q.name());
            if (stage.isEmpty()) {
                continue;
            }
            int workers = state.countOn(q.name(), kept);
            double waiting = workers > 0 ? 0 : state.waitingSince(q.name())
                    .map(since -> Duration.between(since, snapshot.now()).toNanos() / 1e9).orElse(0.0);
            double priority = q.messages() * avgMsgTime(stage.get()) / (workers + 1)
                    + waiting * (stage.get().administrativePriority() + 1);
            raw.add(new StageScore(q.name(), q.messages(), workers, priority, 0));
        }
        double sum = raw.stream().mapToDouble(StageScore::score).sum();
        double divisor = sum == 0 ? 1 : sum;
        return raw.stream()
                .map(s -> new StageScore(s.stage(), s.messages(), s.workers(), s.score(), s.score() / divisor))
                .sorted(Comparator.comparingDouble(StageScore::relative).reversed())
                .toList();
    }

    static double avgMsgTime(StageState stage) {
        return stage.avgMsgTime().orElse(UNKNOWN_AVG_MSG_TIME_S);
    }
}
