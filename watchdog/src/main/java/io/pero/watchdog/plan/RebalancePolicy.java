package io.pero.watchdog.plan;

import io.pero.watchdog.snapshot.ClusterSnapshot;

/** One way of deciding moves. Implementations are pure: same snapshot and history, same plan. */
public interface RebalancePolicy {
    /** The name used by {@code --policy} and in logs. */
    String name();

    Plan plan(ClusterSnapshot snapshot, MoveHistory history);
}
