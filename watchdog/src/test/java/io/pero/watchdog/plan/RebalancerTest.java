package io.pero.watchdog.plan;

import static io.pero.common.status.WorkerStatus.IDLE;
import static io.pero.watchdog.snapshot.SnapshotBuilder.aSnapshot;
import static io.pero.watchdog.snapshot.SnapshotBuilder.stage;
import static io.pero.watchdog.snapshot.SnapshotBuilder.worker;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pero.watchdog.snapshot.ClusterSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebalancerTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private static final ClusterSnapshot CLUSTER = aSnapshot(NOW).stage(stage("a", 1)).queue("a", 1)
            .worker(worker("w1", IDLE, "")).build();

    private static RebalancePolicy returning(Plan plan) {
        return new RebalancePolicy() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public Plan plan(ClusterSnapshot snapshot, MoveHistory history) {
                return plan;
            }
        };
    }

    private static Plan moves(Move... moves) {
        return new Plan("fixed", List.of(), List.of(moves), List.of(), List.of(), List.of());
    }

    @Test
    void refusesAMoveThatDoesNotStartWhereTheWorkerIs() {
        RebalancePolicy bad = returning(moves(new Move("w1", "x", "a", NOW, "")));
        assertThrows(IllegalStateException.class, () -> Rebalancer.plan(CLUSTER, MoveHistory.empty(), bad));
    }

    @Test
    void refusesAMoveToAnUnschedulableStage() {
        RebalancePolicy bad = returning(moves(new Move("w1", "", "out", NOW, "")));
        assertThrows(IllegalStateException.class, () -> Rebalancer.plan(CLUSTER, MoveHistory.empty(), bad));
    }

    @Test
    void refusesMovingAWorkerTwice() {
        RebalancePolicy bad = returning(moves(new Move("w1", "", "a", NOW, ""), new Move("w1", "", "a", NOW, "")));
        assertThrows(IllegalStateException.class, () -> Rebalancer.plan(CLUSTER, MoveHistory.empty(), bad));
    }

    @Test
    void aMoveToTheSameStageCannotEvenBeExpressed() {
        assertThrows(IllegalArgumentException.class, () -> new Move("w1", "a", "a", NOW, ""));
    }
}
