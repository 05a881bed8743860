package io.pero.watchdog.plan;

import static io.pero.common.status.WorkerStatus.CONFIGURING;
import static io.pero.common.status.WorkerStatus.IDLE;
import static io.pero.common.status.WorkerStatus.PROCESSING;
import static io.pero.watchdog.snapshot.SnapshotBuilder.aSnapshot;
import static io.pero.watchdog.snapshot.SnapshotBuilder.jvmWorker;
import static io.pero.watchdog.snapshot.SnapshotBuilder.stage;
import static io.pero.watchdog.snapshot.SnapshotBuilder.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.SnapshotBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per feature of the default policy; drain time = messages × avg × (admin + 1) / workers, move cost = switch + 10 s. */
class DefaultPolicyTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private final DefaultPolicy policy = new DefaultPolicy(DefaultPolicy.Settings.defaults());

    private Plan plan(ClusterSnapshot snapshot) {
        return plan(snapshot, MoveHistory.empty());
    }

    private Plan plan(ClusterSnapshot snapshot, MoveHistory history) {
        return Rebalancer.plan(snapshot, history, policy);
    }

    private static List<String> moves(Plan plan) {
        return plan.moves().stream().map(m -> m.workerId() + ":" + m.from() + "->" + m.to()).toList();
    }

    @Test
    void idleWorkersFollowABacklogAllInOneCycle() {
        // a: 1000 s of work, 1 worker. Each idle worker of b (cost 0 + 10 s) gains: 1000 → 505 (485), 500 → 337 (153),
        // 333 → 253 (71), 250 → 202 (38): all four move at once (the original would move them too, but one busy one per cycle).
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1)).queue("a", 1000).queue("b", 0)
                .worker(jvmWorker("w0", PROCESSING, "a", 0))
                .worker(jvmWorker("w1", IDLE, "b", 0)).worker(jvmWorker("w2", IDLE, "b", 0))
                .worker(jvmWorker("w3", IDLE, "b", 0)).worker(jvmWorker("w4", IDLE, "b", 0))
                .build());

        assertEquals(List.of("w1:b->a", "w2:b->a", "w3:b->a", "w4:b->a"), moves(plan));
        assertEquals(NOW.plusSeconds(10 + 30), plan.moves().get(0).unlockTime(), "unlock = cost 10 s + hold 30 s");
    }

    @Test
    void busyWorkersMoveWhenThatShortensTheLongestDrainTime() {
        // a: 600 s on 1 worker; b: 40 s on 4 (10 s each). Cost 10 s per move; benefit = before − after − cost:
        //   1st: max(600, 10) → max(10 + 590 / 2 = 305, 40 / 3 = 13.3): 600 − 305 − 10 = 285
        //   2nd: max(300, 13.3) → max(10 + 580 / 3 = 203.3, 40 / 2 = 20): 86.7
        //   3rd: max(200, 20) → max(10 + 570 / 4 = 152.5, 40 / 1 = 40): 37.5
        //   4th: b's last worker stays, because b still has messages.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1)).queue("a", 600).queue("b", 40)
                .worker(jvmWorker("w0", PROCESSING, "a", 0))
                .worker(jvmWorker("w1", PROCESSING, "b", 0)).worker(jvmWorker("w2", PROCESSING, "b", 0))
                .worker(jvmWorker("w3", PROCESSING, "b", 0)).worker(jvmWorker("w4", PROCESSING, "b", 0))
                .build());

        assertEquals(List.of("w1:b->a", "w2:b->a", "w3:b->a"), moves(plan));
    }

    @Test
    void neverTakesTheLastWorkerOfAStageWithMessages() {
        // The original moves w1 from a to b here (see OriginalPolicyTest); a's 5 messages would then wait.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1)).queue("a", 5).queue("b", 3)
                .worker(jvmWorker("w1", PROCESSING, "a", 0))
                .build());

        assertTrue(plan.moves().isEmpty(), () -> moves(plan).toString());
        assertEquals(List.of(new WaitingSinceChange("b", Optional.of(NOW))), plan.waitingSince());
    }

    @ParameterizedTest(name = "switch {0} s → moves: {1}")
    @CsvSource({"5, true", "30, true", "300, false"})
    void aMoveMustGainMoreThanItCosts(double switchSeconds, boolean moves) {
        // a: 200 s on 1 worker. A newcomer with cost c = switch + 10: drain 10 + (200 − c) / 2 → gain (200 − c) / 2 vs c.
        // c = 15: 92.5 > 15 → move; c = 40: 80 > 40 → move; c = 310: the other finishes first → no gain → stay idle.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1)).queue("a", 200).queue("b", 0)
                .worker(jvmWorker("w0", PROCESSING, "a", 0)).worker(jvmWorker("w1", IDLE, "b", switchSeconds))
                .build());

        assertEquals(moves ? List.of("w1:b->a") : List.of(), moves(plan));
    }

    @Test
    void aWorkerWithoutReportedSwitchTimeIsChargedWhatItsPeersOnTheTargetReported() {
        // Peers on a took 400 s to switch: cost 410 > a's whole drain time 200 → w1 (no report) stays.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1)).queue("a", 200).queue("b", 0)
                .worker(jvmWorker("w0", PROCESSING, "a", 400).withActiveStage(Optional.of("a")))
                .worker(worker("w1", IDLE, "b").withActiveStage(Optional.of("b")))
                .build());

        assertTrue(plan.moves().isEmpty(), () -> moves(plan).toString());
    }

    @Test
    void aWorkerIsNotMovedBackToTheStageItJustLeft() {
        SnapshotBuilder cluster = aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1)).queue("a", 500).queue("b", 0)
                .worker(jvmWorker("w0", PROCESSING, "a", 0)).worker(jvmWorker("w1", IDLE, "b", 0));
        MoveHistory justMoved = MoveHistory.empty()
                .after(List.of(new Move("w1", "a", "b", NOW, "test")), NOW.minusSeconds(10), Duration.ofMinutes(5));
        MoveHistory movedLongAgo = MoveHistory.empty()
                .after(List.of(new Move("w1", "a", "b", NOW, "test")), NOW.minusSeconds(31), Duration.ofMinutes(5));

        assertTrue(plan(cluster.build(), justMoved).moves().isEmpty(), "10 s after leaving a, within the 30 s hold");
        assertEquals(List.of("w1:b->a"), moves(plan(cluster.build(), movedLongAgo)));
    }

    @Test
    void aLockedBusyWorkerStays() {
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1)).queue("a", 1000).queue("b", 10)
                .worker(jvmWorker("w0", PROCESSING, "a", 0))
                .worker(jvmWorker("w1", PROCESSING, "b", 0).withUnlockTime(Optional.of(NOW.plusSeconds(5))))
                .worker(jvmWorker("w2", PROCESSING, "b", 0))
                .build());

        assertEquals(List.of("w2:b->a"), moves(plan));
    }

    @Test
    void aSwitchingWorkerCountsForItsNewStageAndIsNotMoved() {
        // a: 20 s of work, w1 already switching to it → a drains in 20 s; w2's move (cost 10) gains (20 − 10) / 2 = 5 < 10.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1)).queue("a", 20).queue("b", 0)
                .worker(jvmWorker("w1", CONFIGURING, "a", 0)).worker(jvmWorker("w2", IDLE, "b", 0))
                .build());

        assertTrue(plan.writesNothing(), () -> plan.toString());
    }

    @Test
    void minimumWorkersAreKeptEvenOnAnEmptyStage() {
        // c wants 1 worker; b's idle worker is the cheapest donor. a keeps its only worker (it has messages).
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1))
                .stage(stage("c", 1).withLimits(OptionalInt.of(1), OptionalInt.empty()))
                .queue("a", 10).queue("b", 0).queue("c", 0)
                .worker(jvmWorker("w1", PROCESSING, "a", 0)).worker(jvmWorker("w2", IDLE, "b", 0))
                .build());

        assertEquals(List.of("w2:b->c"), moves(plan));
    }

    @Test
    void aStageAtItsMinimumKeepsItsWorkerAgainstABacklogElsewhere() {
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("c", 1).withLimits(OptionalInt.of(1), OptionalInt.empty()))
                .queue("a", 1000).queue("c", 0)
                .worker(jvmWorker("w1", PROCESSING, "a", 0)).worker(jvmWorker("w2", IDLE, "c", 0))
                .build());

        assertTrue(plan.moves().isEmpty(), () -> moves(plan).toString());
    }

    @Test
    void maximumWorkersCapAStageAndShedTheExcess() {
        // a may have 2: of three idle workers only one joins w0; b holds 3 with a maximum of 1, so two leave (for a, which has
        // room only for one, then for c).
        Plan capped = plan(aSnapshot(NOW)
                .stage(stage("a", 1).withLimits(OptionalInt.empty(), OptionalInt.of(2))).stage(stage("b", 1))
                .queue("a", 1000).queue("b", 0)
                .worker(jvmWorker("w0", PROCESSING, "a", 0)).worker(jvmWorker("w1", IDLE, "b", 0))
                .worker(jvmWorker("w2", IDLE, "b", 0)).worker(jvmWorker("w3", IDLE, "b", 0))
                .build());
        Plan shed = plan(aSnapshot(NOW)
                .stage(stage("a", 1).withLimits(OptionalInt.empty(), OptionalInt.of(1)))
                .stage(stage("b", 1).withLimits(OptionalInt.empty(), OptionalInt.of(1)))
                .stage(stage("c", 1))
                .queue("a", 100).queue("b", 100).queue("c", 0)
                .worker(jvmWorker("w1", PROCESSING, "b", 0)).worker(jvmWorker("w2", PROCESSING, "b", 0))
                .worker(jvmWorker("w3", PROCESSING, "b", 0))
                .build());

        assertEquals(List.of("w1:b->a"), moves(capped));
        assertEquals(List.of("w1:b->a", "w2:b->c"), moves(shed));
    }

    @Test
    void administrativePriorityWeighsTheBacklog() {
        // Same backlog (100 s); b's priority 1 doubles its weight → the one idle worker goes to b.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1).withAdministrativePriority(1))
                .queue("a", 100).queue("b", 100)
                .worker(jvmWorker("w1", IDLE, "", 0))
                .build());

        assertEquals(List.of("w1:->b"), moves(plan));
    }

    @Test
    void writesNothingWhenNothingChanges() {
        // Balanced (100 s each), idle JVM worker on an empty stage with nowhere worth going: no move, no rewrite, no wake.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1)).stage(stage("c", 1))
                .queue("a", 100).queue("b", 100).queue("c", 0)
                .worker(jvmWorker("w1", PROCESSING, "a", 0)).worker(jvmWorker("w2", PROCESSING, "b", 0))
                .worker(jvmWorker("w3", IDLE, "c", 500))
                .build());

        assertTrue(plan.writesNothing(), () -> plan.toString());
    }

    @Test
    void onlyIdlePythonWorkersOnAQueueWithMessagesAreWoken() {
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).queue("a", 5)
                .worker(worker("py", IDLE, "a")).worker(jvmWorker("jvm", IDLE, "a", 1))
                .build());

        assertTrue(plan.moves().isEmpty());
        assertEquals(List.of("py"), plan.wakes());
    }

    @Test
    void waitingSinceIsSetForAnUnservedBacklogAndClearedWhenServed() {
        Instant earlier = NOW.minusSeconds(50);
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1).withWaitingSince(Optional.of(earlier)))
                .stage(stage("b", 1).withWaitingSince(Optional.of(earlier)))
                .stage(stage("c", 1))
                .queue("a", 50).queue("b", 50).queue("c", 50)
                .worker(jvmWorker("w1", IDLE, "", 0))
                .build());

        // w1 goes to a (most work, first among equals); b keeps its earlier time untouched; c starts waiting now.
        assertEquals(List.of("w1:->a"), moves(plan));
        assertEquals(List.of(new WaitingSinceChange("a", Optional.empty()), new WaitingSinceChange("c", Optional.of(NOW))),
                plan.waitingSince());
    }

    @Test
    void aConfiguredStageWithoutBrokerQueueIsSkipped() {
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("ghost", 1)).stage(stage("a", 1)).queue("a", 100)
                .worker(jvmWorker("w1", IDLE, "", 0))
                .build());

        assertEquals(List.of("w1:->a"), moves(plan));
        assertTrue(plan.notes().contains("stage ghost has no broker queue"));
    }
}
