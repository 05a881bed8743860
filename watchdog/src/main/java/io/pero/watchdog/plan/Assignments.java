package io.pero.watchdog.plan;

import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.StageState;
import io.pero.watchdog.snapshot.WorkerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A policy's scratch copy of who serves which stage and which stages wait, changed move by move while it plans, and turned
 * into the difference against the snapshot at the end. Not thread-safe; lives for one {@code plan} call.
 */
final class Assignments {
    private final ClusterSnapshot snapshot;
    private final Map<String, String> queueByWorker = new LinkedHashMap<>();
    private final Map<String, Instant> unlockByWorker = new HashMap<>();
    private final Map<String, String> reasonByWorker = new HashMap<>();
    private final Map<String, Optional<Instant>> waitingByStage = new LinkedHashMap<>();

    Assignments(ClusterSnapshot snapshot) {
        this.snapshot = snapshot;
        snapshot.workers().forEach(w -> queueByWorker.put(w.id(), w.queue()));
        snapshot.stages().forEach(s -> waitingByStage.put(s.name(), s.waitingSince()));
    }

    String queueOf(String workerId) {
        return queueByWorker.get(workerId);
    }

    /** Workers among {@code candidates} now assigned to {@code stage}. */
    int countOn(String stage, List<WorkerState> candidates) {
        return (int) candidates.stream().filter(w -> stage.equals(queueByWorker.get(w.id()))).count();
    }

    int countOn(String stage, List<WorkerState> candidates, Predicate<WorkerState> filter) {
        return (int) candidates.stream().filter(filter).filter(w -> stage.equals(queueByWorker.get(w.id()))).count();
    }

    Optional<Instant> waitingSince(String stage) {
        return waitingByStage.getOrDefault(stage, Optional.empty());
    }

    void setWaitingSince(String stage, Optional<Instant> value) {
        waitingByStage.put(stage, value);
    }

    /** Assigns the worker in memory; moving it to where it already is changes nothing. */
    void assign(String workerId, String stage, Instant unlockTime, String reason) {
        if (stage.equals(queueByWorker.get(workerId))) {
            return;
        }
        queueByWorker.put(workerId, stage);
        unlockByWorker.put(workerId, unlockTime);
        reasonByWorker.put(workerId, reason);
    }

    /** Moves of workers whose final stage differs from the snapshot's, in ZooKeeper order. */
    List<Move> moves() {
        List<Move> moves = new ArrayList<>();
        for (WorkerState w : snapshot.workers()) {
            String now = queueByWorker.get(w.id());
            if (!now.equals(w.queue())) {
                moves.add(new Move(w.id(), w.queue(), now, unlockByWorker.get(w.id()), reasonByWorker.get(w.id())));
            }
        }
        return moves;
    }

    /** {@code waiting_since} values that differ from the snapshot's, in ZooKeeper order. */
    List<WaitingSinceChange> waitingChanges() {
        List<WaitingSinceChange> changes = new ArrayList<>();
        for (StageState s : snapshot.stages()) {
            Optional<Instant> now = waitingByStage.get(s.name());
            if (!now.equals(s.waitingSince())) {
                changes.add(new WaitingSinceChange(s.name(), now));
            }
        }
        return changes;
    }
}
