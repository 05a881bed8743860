package io.pero.watchdog.read;

import io.pero.common.mq.depth.ManagementApiQueueDepths;
import io.pero.common.mq.depth.FallbackQueueDepths;
import io.pero.common.mq.depth.AmqpQueueDepths;
import io.pero.common.mq.depth.QueueDepthSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.config.Credentials;
import io.pero.common.config.Secret;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.AmqpSettings;
import io.pero.common.mq.QueueTopology;
import io.pero.common.net.ServerAddress;
import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.ZkPaths;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.StageState;
import io.pero.watchdog.snapshot.WorkerState;
import io.pero.watchdog.testing.ZkFixture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reads znodes written in the Python formats and queue depths from the real broker, by both routes. */
class SnapshotReaderIT {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    @RegisterExtension
    static final ZkFixture zk = new ZkFixture();
    private final TestBroker broker = TestBroker.get();
    private final String a = TestBroker.uniqueName("wd-read-a");
    private final String b = TestBroker.uniqueName("wd-read-b");

    @BeforeEach
    void cluster() throws Exception {
        zk.reset();
        try (Connection c = broker.connect("wd-read-setup"); Channel ch = c.createChannel()) {
            QueueTopology.declareStageQueue(ch, a);
            QueueTopology.declareStageQueue(ch, b);
            for (int i = 0; i < 3; i++) {
                ch.basicPublish("", a, QueueTopology.taskProperties(0), new byte[] {1});
            }
        }
        zk.stage(a, Optional.of(2.0), 1, Optional.empty());
        zk.stage(b, Optional.empty(), 0, Optional.of(NOW.minusSeconds(30)));
        zk.set(ZkPaths.stageMinWorkers(b), "1");
        zk.set(ZkPaths.stageMaxWorkers(b), "many");
        zk.set(ZkPaths.stageConfig("unfinished"), "[WORKER]");
        zk.worker("w1", "PROCESSING", a, true);
        zk.set(ZkPaths.workerSwitchSeconds("w1"), "12.5");
        zk.set(ZkPaths.workerActiveStage("w1"), a);
        zk.set(ZkPaths.workerUnlockTime("w1"), "2024-03-01T12:05:00.123456+00:00");
        zk.worker("w2", "IDLE", b, false);
        zk.worker("w3", "DEAD", "", false);
        zk.server(ZkPaths.MQ_SERVERS, broker.host() + ":" + broker.port());
    }

    @AfterEach
    void deleteQueues() {
        broker.deleteQueues(a, b);
    }

    private AmqpQueueDepths amqpDepths() {
        Credentials guest = new Credentials(Optional.of(broker.username()), Secret.of(broker.password()), Optional.empty());
        return new AmqpQueueDepths(new AmqpConnections(AmqpSettings.of(
                () -> List.of(ServerAddress.of(broker.host(), broker.port())), guest)), "pero-watchdog:test:monitor");
    }

    private ManagementApiQueueDepths managementDepths(List<ServerAddress> servers) {
        Credentials guest = new Credentials(Optional.of(broker.username()), Secret.of(broker.password()), Optional.empty());
        return new ManagementApiQueueDepths(() -> servers, guest, Duration.ofSeconds(3));
    }

    private ClusterSnapshot read(QueueDepthSource depths) throws Exception {
        return new SnapshotReader(new ZkClusterReader(zk.client()), depths, Clock.fixed(NOW, ZoneOffset.UTC)).read();
    }

    @Test
    void readsStagesAndWorkersInThePythonFormats() throws Exception {
        try (AmqpQueueDepths depths = amqpDepths()) {
            ClusterSnapshot s = read(depths);

            assertEquals(NOW, s.now());
            assertEquals(List.of(a, b), s.stages().stream().map(StageState::name).sorted().toList(),
                    "the stage without statistics nodes is not schedulable");
            StageState stageA = s.stage(a).orElseThrow();
            assertEquals(OptionalDouble.of(2.0), stageA.avgMsgTime());
            assertEquals(1, stageA.administrativePriority());
            StageState stageB = s.stage(b).orElseThrow();
            assertEquals(OptionalDouble.empty(), stageB.avgMsgTime());
            assertEquals(Optional.of(NOW.minusSeconds(30)), stageB.waitingSince());
            assertEquals(OptionalInt.of(1), stageB.minWorkers());
            assertEquals(OptionalInt.empty(), stageB.maxWorkers(), "an unreadable limit is ignored");

            WorkerState w1 = s.worker("w1").orElseThrow();
            assertEquals(WorkerStatus.PROCESSING, w1.status());
            assertEquals(a, w1.queue());
            assertEquals(OptionalDouble.of(12.5), w1.switchSeconds());
            assertEquals(Optional.of(a), w1.activeStage());
            assertEquals(Optional.of(Instant.parse("2024-03-01T12:05:00.123456Z")), w1.unlockTime());
            assertEquals(WorkerStatus.ZK_CONNECTION_FAILED, s.worker("w2").orElseThrow().status());
            assertFalse(s.worker("w3").orElseThrow().connected());
            assertEquals(WorkerStatus.DEAD, s.worker("w3").orElseThrow().status());
        }
    }

    @Test
    void queueDepthsFromPassiveDeclaresCountReadyMessagesOfStagesOnly() throws Exception {
        try (AmqpQueueDepths depths = amqpDepths()) {
            ClusterSnapshot s = read(depths);
            assertEquals(OptionalLong.of(3), s.depth(a));
            assertEquals(OptionalLong.of(0), s.depth(b));
            assertEquals(2, s.queues().size());
        }
    }

    @Test
    void queueDepthsFromTheManagementApiOfVhostPero() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(broker.managementPort() > 0, "broker without management plugin");
        ManagementApiQueueDepths depths = managementDepths(List.of(ServerAddress.of(broker.host(), broker.managementPort())));
        // The broker refreshes queue statistics every few seconds.
        Await.until(Duration.ofSeconds(20), () -> managementShows(depths, a, 3), "management API shows 3 messages in " + a);
    }

    private static boolean managementShows(ManagementApiQueueDepths depths, String queue, long messages) {
        try {
            return depths.read(List.of()).stream().anyMatch(q -> q.name().equals(queue) && q.messages() == messages);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void fallsBackToPassiveDeclaresWhenNoManagementServerAnswers() throws Exception {
        ManagementApiQueueDepths dead = managementDepths(List.of(ServerAddress.of("127.0.0.1", 1)));
        ManagementApiQueueDepths none = managementDepths(List.of());
        try (FallbackQueueDepths first = new FallbackQueueDepths(dead, amqpDepths());
             FallbackQueueDepths second = new FallbackQueueDepths(none, amqpDepths())) {
            assertEquals(OptionalLong.of(3), read(first).depth(a));
            assertEquals(OptionalLong.of(3), read(second).depth(a));
        }
    }

    @Test
    void aStageWithoutBrokerQueueIsLeftOutOfTheDepths() throws Exception {
        String ghost = TestBroker.uniqueName("wd-read-ghost");
        zk.stage(ghost, Optional.of(1.0), 0, Optional.empty());
        try (AmqpQueueDepths depths = amqpDepths()) {
            ClusterSnapshot s = read(depths);
            assertTrue(s.stage(ghost).isPresent());
            assertTrue(s.depth(ghost).isEmpty());
            assertEquals(OptionalLong.of(3), s.depth(a), "the connection survives the missing queue");
        }
    }
}
