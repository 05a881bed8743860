package io.pero.cli.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.cli.support.CliResult;
import io.pero.cli.support.Zk;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.QueueTopology;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pero-controller in-process against an embedded ZooKeeper and the test broker. */
class ControllerIT {
    private static EmbeddedZooKeeper server;
    private static CuratorFramework zk;
    private final TestBroker broker = TestBroker.get();
    private final String stage = TestBroker.uniqueName("ctl-stage");
    private final String output = TestBroker.uniqueName("ctl-out");

    @BeforeAll
    static void startZooKeeper() throws Exception {
        server = EmbeddedZooKeeper.start(0);
        zk = Zk.connect(server.connectString());
    }

    @AfterAll
    static void stopZooKeeper() {
        zk.close();
        server.close();
    }

    @BeforeEach
    void cluster() throws Exception {
        try {
            zk.delete().deletingChildrenIfNeeded().forPath(ZkPaths.ROOT);
        } catch (KeeperException.NoNodeException e) {
            // first test
        }
        set(ZkPaths.stageConfig(stage), "[WORKER]\nmethod=dummy\n");
        set(ZkPaths.stageConfig("other"), "");
        set(ZkPaths.workerStatus("w1"), "PROCESSING");
        set(ZkPaths.workerQueue("w1"), stage);
        set(ZkPaths.workerEnabled("w1"), "true");
        zk.create().withMode(CreateMode.EPHEMERAL).forPath(ZkPaths.workerConnected("w1"), ZkCodecs.text("true"));
        set(ZkPaths.workerStatus("w2"), "IDLE");
        set(ZkPaths.workerQueue("w2"), "");
        set(ZkPaths.workerQueue("w3"), "other");
    }

    @AfterEach
    void deleteQueues() {
        broker.deleteQueues(stage, output);
    }

    private static void set(String path, String text) throws Exception {
        zk.create().orSetData().creatingParentsIfNeeded().forPath(path, ZkCodecs.text(text));
    }

    private static String read(String path) throws Exception {
        return ZkCodecs.text(zk.getData().forPath(path));
    }

    private static CliResult controller(String... args) {
        List<String> all = new ArrayList<>(List.of("-z", server.connectString(), "--connect-timeout", "5"));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ControllerMain.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
        return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statusShowsEveryWorkerWithItsEffectiveStatus() {
        CliResult r = controller("-s");

        assertEquals(ExitCodes.OK, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("WORKER", "STATUS", "QUEUE", "CONNECTED", "ENABLED"), List.of(lines.get(0).split("\\s+")));
        assertEquals(List.of("w1", "PROCESSING", stage, "yes", "true"), List.of(lines.get(1).split("\\s+")));
        assertEquals(List.of("w2", "ZK_CONNECTION_FAILED", "-", "no", "-"), List.of(lines.get(2).split("\\s+")));
        assertEquals(List.of("w3", "PROCESSING_FAILED", "other", "no", "-"), List.of(lines.get(3).split("\\s+")));
    }

    @Test
    void switchAssignsAConfiguredStageToARegisteredWorkerOnly() throws Exception {
        CliResult ok = controller("-i", "w2", stage);
        CliResult noWorker = controller("-i", "nobody", stage);
        CliResult noStage = controller("-i", "w2", "nostage");

        assertEquals(ExitCodes.OK, ok.code(), ok::toString);
        assertEquals(stage, read(ZkPaths.workerQueue("w2")));
        assertEquals(ExitCodes.FAILED, noWorker.code());
        assertTrue(noWorker.err().contains("error: nobody: no such worker"), noWorker::toString);
        assertEquals(ExitCodes.FAILED, noStage.code());
        assertTrue(noStage.err().contains("no such stage"), noStage::toString);
        assertEquals(stage, read(ZkPaths.workerQueue("w2")), "a failed switch changes nothing");
    }

    @Test
    void shutdownAndRemoveActOnKnownWorkersAndListTheUnknown() throws Exception {
        CliResult down = controller("-d", "w1", "ghost");
        CliResult removed = controller("-r", "w2");

        assertEquals(ExitCodes.FAILED, down.code(), "one of two workers is unknown");
        assertEquals("false", read(ZkPaths.workerEnabled("w1")));
        assertTrue(down.err().contains("ghost: no such worker"), down::toString);
        assertEquals(ExitCodes.OK, removed.code(), removed::toString);
        assertFalse(zk.checkExists().forPath(ZkPaths.worker("w2")) != null);
    }

    @Test
    void queuesWithoutCredentialsAskTheManagementApiAsGuest() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(broker.managementPort() > 0, "broker without management plugin");
        publish(stage, 2);
        publish(output, 1);
        set(ZkPaths.MQ_MONITORING_SERVERS + "/" + broker.host() + ":" + broker.managementPort(), "");

        // The broker refreshes each queue's statistics every few seconds, not all at once: wait for one table in
        // which both queues show their messages, and check that very table.
        AtomicReference<CliResult> last = new AtomicReference<>();
        Await.until(Duration.ofSeconds(30), () -> {
            CliResult table = controller("-q");
            last.set(table);
            return table.out().lines().anyMatch(l -> List.of(l.split("\\s+")).equals(List.of(stage, "2", "1")))
                    && table.out().lines().anyMatch(l -> l.startsWith(output) && l.endsWith("1        0  not a processing queue"));
        }, "queue table shows 2 messages and w1 for the stage, 1 message for the output queue");
        CliResult r = last.get();
        assertEquals(ExitCodes.OK, r.code(), r::toString);
        assertTrue(r.err().contains("queue depths from management API"), r::toString);
    }

    @Test
    void queuesFallBackToPassiveDeclaresOfTheStages() throws Exception {
        publish(stage, 2);
        publish(output, 1);
        set(ZkPaths.MQ_SERVERS + "/" + broker.host() + ":" + broker.port(), "");

        CliResult r = controller("-q");

        assertEquals(ExitCodes.OK, r.code(), r::toString);
        assertEquals(List.of(stage, "2", "1"), List.of(r.out().lines().toList().get(1).split("\\s+")));
        assertEquals(2, r.out().lines().count(), "only stages can be asked for; 'other' has no queue: " + r.out());
        assertTrue(r.err().contains("AMQP passive declares"), r::toString);
    }

    @Test
    void nothingToDoIsAUsageErrorAndAnUnreachableZooKeeperExitsWithFour() {
        assertEquals(ExitCodes.USAGE, controller().code());
        List<String> args = List.of("-z", "127.0.0.1:1", "--connect-timeout", "1", "-s");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
        assertEquals(ExitCodes.UNREACHABLE, ControllerMain.run(print, print, args.toArray(String[]::new)));
    }

    private void publish(String queue, int count) throws Exception {
        try (Connection c = broker.connect("ctl-setup"); Channel ch = c.createChannel()) {
            QueueTopology.declareStageQueue(ch, queue);
            for (int i = 0; i < count; i++) {
                ch.basicPublish("", queue, QueueTopology.taskProperties(0), new byte[] {1});
            }
        }
    }
}
