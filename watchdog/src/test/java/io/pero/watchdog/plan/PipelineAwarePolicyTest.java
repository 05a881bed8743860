package io.pero.watchdog.plan;

import static io.pero.common.status.WorkerStatus.IDLE;
import static io.pero.common.status.WorkerStatus.PROCESSING;
import static io.pero.watchdog.snapshot.SnapshotBuilder.aSnapshot;
import static io.pero.watchdog.snapshot.SnapshotBuilder.jvmWorker;
import static io.pero.watchdog.snapshot.SnapshotBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.SnapshotBuilder;
import io.pero.watchdog.snapshot.StageState;
import io.pero.watchdog.snapshot.WorkerState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default policy's decisions that depend on the pipeline order ({@code next_stages}) and on fresh ready counts. */
class PipelineAwarePolicyTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private final DefaultPolicy policy = new DefaultPolicy(DefaultPolicy.Settings.defaults());

    private List<String> moves(ClusterSnapshot snapshot) {
        return Rebalancer.plan(snapshot, MoveHistory.empty(), policy).moves().stream()
                .map(m -> m.workerId() + ":" + m.from() + "->" + m.to()).toList();
    }

    private static StageState piped(String name, Map<String, Long> next) {
        return stage(name, 1).withNextStages(next);
    }

    private static SnapshotBuilder threeOnA(StageState a, StageState b, StageState c) {
        return aSnapshot(NOW).stage(a).stage(b).stage(c).queue("a", 300).queue("b", 0).queue("c", 0)
                .worker(jvmWorker("w1", PROCESSING, "a", 0)).worker(jvmWorker("w2", PROCESSING, "a", 0))
                .worker(jvmWorker("w3", PROCESSING, "a", 0));
    }

    @Test
    void expectedArrivalsFollowTheReportedNextStagesInProportion() {
        // a sends everything to b; b sends 80 % to c, 20 % to the output. a: 100 waiting, b: 20, c: 0.
        ClusterSnapshot s = aSnapshot(NOW)
                .stage(piped("a", Map.of("b", 10L))).stage(piped("b", Map.of("c", 8L, "out", 2L))).stage(stage("c", 1))
                .queue("a", 100).queue("b", 20).queue("c", 0).build();

        Map<String, Double> incoming = PipelineFlow.incoming(s);

        assertEquals(0, incoming.get("a"), 1e-9);
        assertEquals(100, incoming.get("b"), 1e-9);
        assertEquals((20 + 100) * 0.8, incoming.get("c"), 1e-9);
    }

    @Test
    void workersSpreadOverThePipelineBeforeTheWaveArrives() {
        // 300 messages on a, which feeds b, which feeds c: each stage has 300 s of work coming, so one worker each.
        ClusterSnapshot known = threeOnA(piped("a", Map.of("b", 40L)), piped("b", Map.of("c", 40L)), stage("c", 1)).build();
        assertEquals(List.of("w1:a->b", "w2:a->c"), moves(known));

        // Without the order, b and c have no work yet: everybody stays on a.
        ClusterSnapshot unknown = threeOnA(stage("a", 1), stage("b", 1), stage("c", 1)).build();
        assertEquals(List.of(), moves(unknown));
    }

    @Test
    void aDownstreamWorkerWaitingForTheWaveIsNotTakenAway() {
        // c is empty but a's 300 messages will reach it: its only worker stays although a has the backlog.
        ClusterSnapshot s = aSnapshot(NOW)
                .stage(piped("a", Map.of("c", 40L))).stage(stage("c", 1)).queue("a", 300).queue("c", 0)
                .worker(jvmWorker("w1", PROCESSING, "a", 0)).worker(jvmWorker("w2", IDLE, "c", 0)).build();
        assertEquals(List.of(), moves(s));
    }

    @Test
    void aLockedWorkerLeavesAStageWhoseQueueHoldsNothingReady() {
        // a: 8 messages, all held by its two workers (none ready); b: 100 ready and nobody. The locks (moved 5 s ago)
        // protect a stage with messages waiting, not one whose workers only finish what they hold: one goes to b, the
        // other stays for what is in hand.
        WorkerState w1 = jvmWorker("w1", PROCESSING, "a", 0).withUnlockTime(Optional.of(NOW.plusSeconds(35)));
        WorkerState w2 = jvmWorker("w2", PROCESSING, "a", 0).withUnlockTime(Optional.of(NOW.plusSeconds(35)));
        ClusterSnapshot drained = aSnapshot(NOW).stage(stage("a", 1)).stage(stage("b", 1))
                .queue("a", 8, 0).queue("b", 100).worker(w1).worker(w2).build();
        assertEquals(List.of("w1:a->b"), moves(drained));

        // The same with the 8 still waiting in the queue: both stay until their unlock time.
        ClusterSnapshot waiting = aSnapshot(NOW).stage(stage("a", 1)).stage(stage("b", 1))
                .queue("a", 8, 8).queue("b", 100).worker(w1).worker(w2).build();
        assertEquals(List.of(), moves(waiting));
    }

    @Test
    void theLastWorkerOfAStageStaysWhileItStillProcesses() {
        // a reads empty (the management API has not noticed what w1 holds yet), but w1 reports PROCESSING: if it left, its
        // prefetched messages would go back to a with nobody there.
        ClusterSnapshot processing = aSnapshot(NOW).stage(stage("a", 1)).stage(stage("b", 1)).queue("a", 0).queue("b", 100)
                .worker(jvmWorker("w1", PROCESSING, "a", 0)).build();
        assertEquals(List.of(), moves(processing));

        ClusterSnapshot idle = aSnapshot(NOW).stage(stage("a", 1)).stage(stage("b", 1)).queue("a", 0).queue("b", 100)
                .worker(jvmWorker("w1", IDLE, "a", 0)).build();
        assertEquals(List.of("w1:a->b"), moves(idle));
    }
}
