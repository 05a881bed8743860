package io.pero.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.QueueTopology;
import io.pero.common.zk.ZkPaths;
import io.pero.testing.TestBroker;
import io.pero.watchdog.testing.ZkFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WatchdogMainIT {
    @RegisterExtension
    static final ZkFixture zk = new ZkFixture();
    private final TestBroker broker = TestBroker.get();
    private final String stage = TestBroker.uniqueName("wd-main");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void deleteQueue() {
        broker.deleteQueues(stage);
    }

    private int run(String... args) {
        return WatchdogMain.run(false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws Exception {
        zk.reset();
        try (Connection c = broker.connect("wd-main-setup"); Channel ch = c.createChannel()) {
            QueueTopology.declareStageQueue(ch, stage);
            ch.basicPublish("", stage, QueueTopology.taskProperties(0), new byte[] {1});
        }
        zk.server(ZkPaths.MQ_SERVERS, broker.host() + ":" + broker.port());
        zk.stage(stage, Optional.of(1.0), 0, Optional.empty());
        zk.worker("w1", "IDLE", "", true);

        // No -u: the credentials would also be used for ZooKeeper SASL, which the embedded server does not offer; guest is the default.
        int code = run("-z", zk.connectString(), "--dry-run");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("w1: (none) -> " + stage), printed);
        assertTrue(printed.contains("dry run: nothing written"), printed);
        assertEquals("", zk.read(ZkPaths.workerQueue("w1")));
        assertEquals("", zk.read(ZkPaths.stageWaitingSince(stage)));
    }

    @Test
    void invalidConfigurationExitsWithThree() {
        assertEquals(ExitCodes.BAD_CONFIG, run("-z", zk.connectString(), "--policy", "fancy"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: invalid configuration: policy=fancy"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("--frobnicate"));
    }
}
