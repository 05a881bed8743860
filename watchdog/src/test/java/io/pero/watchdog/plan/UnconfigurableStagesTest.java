package io.pero.watchdog.plan;

import static io.pero.common.status.WorkerStatus.CONFIGURATION_FAILED;
import static io.pero.common.status.WorkerStatus.IDLE;
import static io.pero.watchdog.snapshot.SnapshotBuilder.aSnapshot;
import static io.pero.watchdog.snapshot.SnapshotBuilder.jvmWorker;
import static io.pero.watchdog.snapshot.SnapshotBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.zk.StageConfigFailures;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.ConfigHealth;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnconfigurableStagesTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private static final RebalancePolicy POLICY = new DefaultPolicy(DefaultPolicy.Settings.defaults());

    /** "broken" has by far the bigger backlog, so without the block every free worker would be sent there. */
    private static ClusterSnapshot cluster(Map<String, ConfigHealth> health) {
        ClusterSnapshot base = aSnapshot(NOW).stage(stage("broken", 5)).stage(stage("fine", 1))
                .queue("broken", 10_000).queue("fine", 10)
                .worker(jvmWorker("w1", IDLE, "", 1)).worker(jvmWorker("w2", CONFIGURATION_FAILED, "broken", 1))
                .build();
        return new ClusterSnapshot(base.now(), base.stages(), base.queues(), base.workers(), health);
    }

    private static Map<String, ConfigHealth> failed(int count, String failedVersion, String currentVersion) {
        return Map.of("broken", new ConfigHealth(currentVersion, new StageConfigFailures(failedVersion, count, "no such file")));
    }

    private static Set<String> targets(Plan plan) {
        return plan.moves().stream().map(Move::to).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void stageThatFailedTheLimitAtItsCurrentVersionIsBlockedWithTheReason() {
        Map<String, String> blocked = UnconfigurableStages.of(cluster(failed(3, "v1", "v1")), 3);
        assertEquals(Set.of("broken"), blocked.keySet());
        assertTrue(blocked.get("broken").contains("failed 3 times at version 'v1'"), blocked.get("broken"));
        assertTrue(blocked.get("broken").contains("no such file"), blocked.get("broken"));
    }

    @Test
    void fewerFailuresOrAnotherVersionDoNotBlock() {
        assertTrue(UnconfigurableStages.of(cluster(failed(2, "v1", "v1")), 3).isEmpty());
        assertTrue(UnconfigurableStages.of(cluster(failed(9, "v1", "v2")), 3).isEmpty(), "a new version is tried again");
        assertTrue(UnconfigurableStages.of(cluster(Map.of()), 3).isEmpty());
    }

    @Test
    void watchdogSendsNoWorkerToABlockedStageAndSaysWhy() {
        Plan plan = Rebalancer.plan(cluster(failed(3, "v1", "v1")), MoveHistory.empty(), POLICY);
        assertTrue(!targets(plan).contains("broken"), plan.toString());
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("stage broken gets no workers")), plan.notes().toString());
    }

    @Test
    void withoutTheBlockTheBacklogWouldDrawWorkersThereAndANewVersionDoesAgain() {
        assertTrue(targets(Rebalancer.plan(cluster(Map.of()), MoveHistory.empty(), POLICY)).contains("broken"));
        assertTrue(targets(Rebalancer.plan(cluster(failed(3, "v1", "v2")), MoveHistory.empty(), POLICY)).contains("broken"));
    }
}
