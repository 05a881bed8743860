package io.pero.watchdog.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.zk.ZkPaths;
import io.pero.watchdog.plan.Move;
import io.pero.watchdog.plan.Plan;
import io.pero.watchdog.plan.WaitingSinceChange;
import io.pero.common.mq.depth.QueueDepthSource;
import io.pero.watchdog.read.SnapshotReader;
import io.pero.watchdog.read.ZkClusterReader;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.common.mq.depth.QueueDepth;
import io.pero.watchdog.testing.ZkFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MoveApplierIT {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private static final Instant UNLOCK = Instant.parse("2024-03-01T12:00:20.5Z");
    @RegisterExtension
    static final ZkFixture zk = new ZkFixture();

    /** A guard whose answers the test sets. */
    private static final class Guard implements WriteGuard {
        boolean may = true;
        Optional<String> fence = Optional.empty();

        @Override
        public boolean mayWrite() {
            return may;
        }

        @Override
        public Optional<String> fencePath() {
            return fence;
        }
    }

    private final Guard guard = new Guard();

    @BeforeEach
    void cluster() throws Exception {
        zk.reset();
        zk.stage("a", Optional.of(1.0), 0, Optional.empty());
        zk.stage("b", Optional.of(1.0), 0, Optional.empty());
        zk.worker("w1", "IDLE", "", true);
    }

    private static ClusterSnapshot snapshot() throws Exception {
        QueueDepthSource none = new QueueDepthSource() {
            @Override
            public List<QueueDepth> read(List<String> stages) {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
        return new SnapshotReader(new ZkClusterReader(zk.client()), none, Clock.fixed(NOW, ZoneOffset.UTC)).read();
    }

    private static Plan plan() {
        return new Plan("test", List.of(), List.of(new Move("w1", "", "a", UNLOCK, "test")), List.of(),
                List.of(new WaitingSinceChange("b", Optional.of(NOW))), List.of());
    }

    @Test
    void writesUnlockTimeQueueAndWaitingSinceInThePythonFormats() throws Exception {
        ApplyResult result = new MoveApplier(zk.client(), guard).apply(plan(), snapshot());

        assertEquals(1, result.applied().size());
        assertEquals("a", zk.read(ZkPaths.workerQueue("w1")));
        assertEquals("2024-03-01T12:00:20.500000+00:00", zk.read(ZkPaths.workerUnlockTime("w1")));
        assertEquals("2024-03-01T12:00:00+00:00", zk.read(ZkPaths.stageWaitingSince("b")));
    }

    @Test
    void aQueueChangedSinceTheSnapshotIsLeftAlone() throws Exception {
        ClusterSnapshot before = snapshot();
        zk.set(ZkPaths.workerQueue("w1"), "b");

        ApplyResult result = new MoveApplier(zk.client(), guard).apply(plan(), before);

        assertEquals(List.of(), result.applied());
        assertEquals("b", zk.read(ZkPaths.workerQueue("w1")), "the operator's switch wins");
        assertFalse(zk.exists(ZkPaths.workerUnlockTime("w1")), "unlock_time and queue are written together or not at all");
    }

    @Test
    void writesNothingWithoutLeadership() throws Exception {
        guard.may = false;
        ApplyResult result = new MoveApplier(zk.client(), guard).apply(plan(), snapshot());

        assertTrue(result.leadershipLost());
        assertEquals("", zk.read(ZkPaths.workerQueue("w1")));
        assertEquals("", zk.read(ZkPaths.stageWaitingSince("b")));
    }

    @Test
    void writesNothingOnceTheLeaderNodeIsGone() throws Exception {
        guard.fence = Optional.of(ZkPaths.WATCHDOG_LEADER + "/gone");
        ApplyResult result = new MoveApplier(zk.client(), guard).apply(plan(), snapshot());

        assertTrue(result.leadershipLost());
        assertEquals("", zk.read(ZkPaths.workerQueue("w1")));
        assertEquals("", zk.read(ZkPaths.stageWaitingSince("b")));
    }

    @Test
    void aLiveFenceLetsWritesThrough() throws Exception {
        zk.set(ZkPaths.WATCHDOG_LEADER + "/ours", "");
        guard.fence = Optional.of(ZkPaths.WATCHDOG_LEADER + "/ours");

        ApplyResult result = new MoveApplier(zk.client(), guard).apply(plan(), snapshot());

        assertEquals(1, result.applied().size());
        assertEquals(1, result.waitingSinceChanges());
    }
}
