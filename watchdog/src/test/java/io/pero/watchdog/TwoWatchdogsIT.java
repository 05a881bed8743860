package io.pero.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.mq.QueueTopology;
import io.pero.common.zk.ZkPaths;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import io.pero.watchdog.testing.ZkFixture;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two watchdogs against one cluster, told apart by their policy: the original ignores a stage's minimum, the default keeps
 * it. While the original-policy watchdog leads, the minimum stays unmet; once it stops, the other takes over and meets it.
 */
class TwoWatchdogsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final TestBroker broker = TestBroker.get();
    private final String reserve = TestBroker.uniqueName("wd-reserve");
    @RegisterExtension
    final ZkFixture zk = new ZkFixture();

    @BeforeEach
    void cluster() throws Exception {
        try (Connection c = broker.connect("wd-two-setup"); Channel ch = c.createChannel()) {
            QueueTopology.declareStageQueue(ch, reserve);
        }
        zk.server(ZkPaths.MQ_SERVERS, broker.host() + ":" + broker.port());
        zk.stage(reserve, Optional.of(1.0), 0, Optional.empty());
        zk.set(ZkPaths.stageMinWorkers(reserve), "1");
        zk.worker("w1", "IDLE", "", true);
    }

    @AfterEach
    void stop() {
        broker.deleteQueues(reserve);
    }

    private int participants() {
        try {
            return zk.client().getChildren().forPath(ZkPaths.WATCHDOG_LEADER).size();
        } catch (Exception e) {
            return 0;
        }
    }

    @Test
    void onlyTheLeaderWritesAndStoppingItHandsOver() throws Exception {
        RunningWatchdog original = RunningWatchdog.start("original", "-z", zk.connectString(), "--interval", "1s",
                "--policy", "original");
        Await.until(WAIT, () -> participants() == 1, "the first watchdog joins the election and leads");
        try (RunningWatchdog standby = RunningWatchdog.start("default", "-z", zk.connectString(), "--interval", "1s")) {
            Await.until(WAIT, () -> participants() == 2, "the second watchdog joins the election");

            assertStays(Duration.ofSeconds(3), () -> zk.read(ZkPaths.workerQueue("w1")).isEmpty(),
                    "w1 stays unassigned: the leader's original policy ignores minimums and the standby writes nothing");

            original.close();
            Await.until(WAIT, () -> reserve.equals(readQuietly(ZkPaths.workerQueue("w1"))),
                    "the standby takes over and moves w1 to the stage below its minimum");
        }
        assertEquals(0, participants(), "both left the election");
    }

    private String readQuietly(String path) {
        try {
            return zk.read(path);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** Observes {@code condition} for the whole {@code period}: a negative can only be shown by watching for a while. */
    private static void assertStays(Duration period, Check condition, String what) throws Exception {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            if (!condition.holds()) {
                throw new AssertionError("no longer true: " + what);
            }
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
