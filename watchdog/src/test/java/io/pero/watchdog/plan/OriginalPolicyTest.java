package io.pero.watchdog.plan;

import static io.pero.common.status.WorkerStatus.CONFIGURATION_FAILED;
import static io.pero.common.status.WorkerStatus.CONFIGURING;
import static io.pero.common.status.WorkerStatus.DEAD;
import static io.pero.common.status.WorkerStatus.IDLE;
import static io.pero.common.status.WorkerStatus.PROCESSING;
import static io.pero.common.status.WorkerStatus.PROCESSING_FAILED;
import static io.pero.common.status.WorkerStatus.ZK_CONNECTION_FAILED;
import static io.pero.watchdog.snapshot.SnapshotBuilder.aSnapshot;
import static io.pero.watchdog.snapshot.SnapshotBuilder.stage;
import static io.pero.watchdog.snapshot.SnapshotBuilder.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.watchdog.snapshot.ClusterSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each expected plan is what {@code worker_watchdog.py adjust_processing} decides for the same input (spec §7.3, §7.4), worked
 * out by hand in the comments: priority = messages × avg / (n + 1) + waiting × (admin + 1); unlock = now + avg × 10 + 10 s.
 */
class OriginalPolicyTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private final OriginalPolicy policy = new OriginalPolicy();

    private Plan plan(ClusterSnapshot snapshot) {
        return Rebalancer.plan(snapshot, MoveHistory.empty(), policy);
    }

    private static Move move(String worker, String from, String to, long lockSeconds) {
        return new Move(worker, from, to, NOW.plusSeconds(lockSeconds), "");
    }

    private static void assertMoves(List<Move> expected, Plan plan) {
        assertEquals(expected.size(), plan.moves().size(), () -> "moves: " + plan.moves());
        for (int i = 0; i < expected.size(); i++) {
            Move e = expected.get(i);
            Move a = plan.moves().get(i);
            assertEquals(List.of(e.workerId(), e.from(), e.to(), e.unlockTime()), List.of(a.workerId(), a.from(), a.to(), a.unlockTime()));
        }
    }

    @Test
    void freeWorkersGoOneByOneToTheTopQueueWithRecomputation() {
        // a: 10 × 2 / (0 + 1) = 20, b: 30 × 1 / 1 = 30, c: 0 → top b (0.6).
        // w1 → b; recompute b: 30 / 2 = 15 < a 20 → top a; w2 → a. w3 is busy and stays.
        // Unlocks: b 1 × 10 + 10 = 20 s, a 2 × 10 + 10 = 30 s.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 2)).stage(stage("b", 1)).stage(stage("c", 4))
                .queue("a", 10).queue("b", 30).queue("c", 0)
                .worker(worker("w1", IDLE, "")).worker(worker("w2", IDLE, "")).worker(worker("w3", PROCESSING, "c"))
                .build());

        assertMoves(List.of(move("w1", "", "b", 20), move("w2", "", "a", 30)), plan);
        assertEquals(List.of("b", "a", "c"), plan.scores().stream().map(StageScore::stage).toList());
        assertEquals(0.6, plan.scores().get(0).relative(), 1e-9);
        assertTrue(plan.waitingSince().isEmpty(), "a and b are served, c is empty");
    }

    @Test
    void whenAllAreBusyExactlyOneUnlockedWorkerMovesFromTheLowestQueue() {
        // a: 100 / (1 + 1) = 50, b: 10 / 2 = 5, c: 1 / 3 = 0.33 → top a, lowest c.
        // On c, w1 is locked for another 60 s, so w2 (unlocked) moves to a; unlock = 1 × 10 + 10 = 20 s. Nobody else moves.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1)).stage(stage("c", 1))
                .queue("a", 100).queue("b", 10).queue("c", 1)
                .worker(worker("w1", PROCESSING, "c").withUnlockTime(Optional.of(NOW.plusSeconds(60))))
                .worker(worker("w2", PROCESSING, "c")).worker(worker("w3", PROCESSING, "b")).worker(worker("w4", PROCESSING, "a"))
                .build());

        assertMoves(List.of(move("w2", "c", "a", 20)), plan);
    }

    @Test
    void waitingTimeWeightedByAdministrativePriorityWinsAndTheTargetStopsWaiting() {
        // a: nobody serves it, waiting 100 s: 10 × 1 / 1 + 100 × (2 + 1) = 310; b: 50 / (2 + 1) = 16.7 → top a.
        // All busy: lowest is b, its first unlocked worker w1 goes to a (unlock 20 s); a's waiting_since is cleared.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1).withAdministrativePriority(2).withWaitingSince(Optional.of(NOW.minusSeconds(100))))
                .stage(stage("b", 1))
                .queue("b", 50).queue("a", 10)
                .worker(worker("w1", PROCESSING, "b")).worker(worker("w2", PROCESSING, "b"))
                .build());

        assertMoves(List.of(move("w1", "b", "a", 20)), plan);
        assertEquals(310, plan.scores().get(0).score(), 1e-9);
        assertEquals(List.of(new WaitingSinceChange("a", Optional.empty())), plan.waitingSince());
    }

    @Test
    void movesAStagesOnlyWorkerAwayAndMarksTheStageWaitingAsTheOriginalDoes() {
        // a: 5 / 2 = 2.5, b: 3 / 1 = 3 → top b; all busy; lowest a → w1 to b (unlock 20 s).
        // a now has 5 messages and no worker → waiting_since = now (set_queue_to_waiting).
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1))
                .queue("a", 5).queue("b", 3)
                .worker(worker("w1", PROCESSING, "a"))
                .build());

        assertMoves(List.of(move("w1", "a", "b", 20)), plan);
        assertEquals(List.of(new WaitingSinceChange("a", Optional.of(NOW))), plan.waitingSince());
    }

    @Test
    void tiesKeepTheBrokersOrder() {
        // b and a both 10 × 1 / 1 = 10; the broker lists b first → w1 → b; then b 5 < a 10 → w2 → a.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1))
                .queue("b", 10).queue("a", 10)
                .worker(worker("w1", IDLE, "")).worker(worker("w2", IDLE, ""))
                .build());

        assertMoves(List.of(move("w1", "", "b", 20), move("w2", "", "a", 20)), plan);
    }

    @Test
    void aFreeWorkerAlreadyOnTheTopQueueIsNotRewrittenButStillCounts() {
        // a: 20 / (1 + 1) = 10, b: 10 / 1 = 10 → tie, a listed first → top a. w1 is already on a: the original rewrites the
        // same value; we write nothing for it. Recomputed: unchanged → top a again → w2 → a (unlock 20 s).
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1))
                .queue("a", 20).queue("b", 10)
                .worker(worker("w1", IDLE, "a")).worker(worker("w2", IDLE, ""))
                .build());

        assertMoves(List.of(move("w2", "", "a", 20)), plan);
        assertEquals(List.of(new WaitingSinceChange("b", Optional.of(NOW))), plan.waitingSince(), "b has messages and nobody");
    }

    @Test
    void aBusyWorkerIsNeverMovedToItsOwnQueue() {
        // Only a (5 / 3 = 1.67) exists: the original "moves" w1 from a to a; we make no move at all.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).queue("a", 5)
                .worker(worker("w1", PROCESSING, "a")).worker(worker("w2", PROCESSING, "a"))
                .build());

        assertTrue(plan.writesNothing(), () -> plan.toString());
    }

    @Test
    void unknownMessageTimeCountsAsOneHundredSecondsInPriorityAndUnlockTime() {
        // a: avg unknown → 100: 1 × 100 / 1 = 100; b: 50 × 1 / 1 = 50 → top a; unlock 100 × 10 + 10 = 1010 s.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", -1)).stage(stage("b", 1))
                .queue("a", 1).queue("b", 50)
                .worker(worker("w1", IDLE, ""))
                .build());

        assertMoves(List.of(move("w1", "", "a", 1010)), plan);
        assertEquals(List.of(new WaitingSinceChange("b", Optional.of(NOW))), plan.waitingSince());
    }

    @Test
    void onlyRunningAndRecoverableWorkersAreScheduled() {
        // w1 (connection gone), w2 (CONFIGURING), w3 (PROCESSING_FAILED), w4 (DEAD) are ignored: they neither count on a
        // nor move. w5 (CONFIGURATION_FAILED) is free and goes to a: 10 × 1 / 1 = 10.
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).queue("a", 10)
                .worker(worker("w1", ZK_CONNECTION_FAILED, "a")).worker(worker("w2", CONFIGURING, "a"))
                .worker(worker("w3", PROCESSING_FAILED, "")).worker(worker("w4", DEAD, ""))
                .worker(worker("w5", CONFIGURATION_FAILED, "b"))
                .build());

        assertMoves(List.of(move("w5", "b", "a", 20)), plan);
        assertEquals(0, plan.scores().get(0).workers());
    }

    @Test
    void allQueuesEmptyEndsTheCycleWithoutTouchingWaitingSince() {
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).stage(stage("b", 1)).queue("a", 0).queue("b", 0)
                .worker(worker("w1", IDLE, "a"))
                .build());

        assertTrue(plan.writesNothing());
        assertEquals(List.of("all queues are empty, skipping scheduling"), plan.notes());
    }

    @Test
    void noBrokerQueueMatchingAConfiguredStageIsAnEmptyCycleNotACrash() {
        Plan plan = plan(aSnapshot(NOW)
                .stage(stage("a", 1)).queue("out", 7)
                .worker(worker("w1", IDLE, ""))
                .build());

        assertTrue(plan.writesNothing());
        assertEquals(List.of("no broker queue matches a configured stage"), plan.notes());
    }

    @Test
    void nothingToScheduleWithoutStagesQueuesOrWorkers() {
        assertTrue(plan(aSnapshot(NOW).queue("a", 1).worker(worker("w1", IDLE, "")).build()).writesNothing());
        assertTrue(plan(aSnapshot(NOW).stage(stage("a", 1)).worker(worker("w1", IDLE, "")).build()).writesNothing());
        assertTrue(plan(aSnapshot(NOW).stage(stage("a", 1)).queue("a", 1).worker(worker("w1", DEAD, "")).build()).writesNothing());
    }
}
