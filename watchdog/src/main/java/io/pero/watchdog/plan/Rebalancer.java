package io.pero.watchdog.plan;

import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.WorkerState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a policy and checks that its plan can be applied as it stands: every move starts where the worker is, ends at a
 * schedulable stage, and no worker or stage is touched twice. A violation is a policy bug, never something to write.
 */
public final class Rebalancer {
    private Rebalancer() {
    }

    public static Plan plan(ClusterSnapshot snapshot, MoveHistory history, RebalancePolicy policy) {
        Map<String, String> blocked = UnconfigurableStages.of(snapshot, UnconfigurableStages.DEFAULT_LIMIT);
        ClusterSnapshot usable = blocked.isEmpty() ? snapshot : snapshot.withoutStages(blocked.keySet());
        Plan plan = policy.plan(usable, history);
        check(usable, plan);
        if (blocked.isEmpty()) {
            return plan;
        }
        List<String> notes = new ArrayList<>(plan.notes());
        notes.addAll(blocked.values());
        return new Plan(plan.policy(), plan.scores(), plan.moves(), plan.wakes(), plan.waitingSince(), notes);
    }

    static void check(ClusterSnapshot snapshot, Plan plan) {
        Set<String> touched = new HashSet<>();
        for (Move move : plan.moves()) {
            WorkerState worker = snapshot.worker(move.workerId())
                    .orElseThrow(() -> violation(plan, "moves unknown worker " + move.workerId()));
            if (!worker.queue().equals(move.from())) {
                throw violation(plan, "moves worker " + move.workerId() + " from " + move.from() + " but it serves '" + worker.queue() + "'");
            }
            if (snapshot.stage(move.to()).isEmpty()) {
                throw violation(plan, "moves worker " + move.workerId() + " to unschedulable stage " + move.to());
            }
            if (!touched.add(move.workerId())) {
                throw violation(plan, "moves worker " + move.workerId() + " twice");
            }
        }
        for (String id : plan.wakes()) {
            if (snapshot.worker(id).isEmpty() || !touched.add(id)) {
                throw violation(plan, "wakes worker " + id + " that is unknown or also moved");
            }
        }
        Set<String> stages = new HashSet<>();
        for (WaitingSinceChange change : plan.waitingSince()) {
            if (snapshot.stage(change.stage()).isEmpty() || !stages.add(change.stage())) {
                throw violation(plan, "changes waiting_since of stage " + change.stage() + " that is unknown or already changed");
            }
        }
    }

    private static IllegalStateException violation(Plan plan, String what) {
        return new IllegalStateException("policy " + plan.policy() + " produced an inapplicable plan: " + what);
    }
}
