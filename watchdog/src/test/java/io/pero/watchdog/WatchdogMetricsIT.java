package io.pero.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.mq.QueueTopology;
import io.pero.common.zk.ZkPaths;
import io.pero.testing.Await;
import io.pero.testing.MetricsEndpoint;
import io.pero.testing.TestBroker;
import io.pero.watchdog.testing.ZkFixture;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A watchdog started with --metrics-port: what it saw and did, scraped as Prometheus would. */
class WatchdogMetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int BACKLOG = 5;

    private final TestBroker broker = TestBroker.get();
    private final String stage = TestBroker.uniqueName("wd-metrics");
    @RegisterExtension
    final ZkFixture zk = new ZkFixture();
    private Connection amqp;

    @BeforeEach
    void cluster() throws Exception {
        amqp = broker.connect("wd-metrics-it");
        try (Channel ch = amqp.createChannel()) {
            QueueTopology.declareStageQueue(ch, stage);
            for (int i = 0; i < BACKLOG; i++) {
                ch.basicPublish("", stage, true, QueueTopology.taskProperties(0), new byte[] {1});
            }
        }
        zk.server(ZkPaths.MQ_SERVERS, broker.host() + ":" + broker.port());
        zk.stage(stage, Optional.of(1.0), 0, Optional.empty());
    }

    @AfterEach
    void stop() throws Exception {
        amqp.close();
        broker.deleteQueues(stage);
    }

    @Test
    void servesLeadershipDepthsAndTheMoveItMade() throws Exception {
        zk.worker("wd-metrics-w1", "IDLE", "", true);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        MetricsEndpoint endpoint = new MetricsEndpoint(port);
        String metrics;
        try (RunningWatchdog watchdog = RunningWatchdog.start("metrics", "-z", zk.connectString(), "--interval", "1s",
                "--metrics-port", String.valueOf(port))) {
            // The move itself, read from ZooKeeper: the idle worker was sent to the only stage with work.
            Await.until(WAIT, () -> stage.equals(readQuietly(ZkPaths.workerQueue("wd-metrics-w1"))), "worker moved");
            Await.until(WAIT, () -> MetricsEndpoint.sample(endpoint.get("/metrics").body(), "pero_watchdog_moves_total",
                    "from=\"\",to=\"" + stage + "\"").isPresent(), "move counted");
            assertEquals(200, endpoint.get("/health").status());
            assertEquals(200, endpoint.get("/ready").status(), endpoint.get("/ready").body());
            metrics = endpoint.get("/metrics").body();
        }
        assertEquals(Optional.of(1.0), MetricsEndpoint.sample(metrics, "pero_watchdog_moves_total",
                "from=\"\",to=\"" + stage + "\""));
        assertEquals(Optional.of(1.0), MetricsEndpoint.sample(metrics, "pero_watchdog_leader", ""));
        assertEquals(Optional.of((double) BACKLOG), MetricsEndpoint.sample(metrics, "pero_watchdog_queue_messages",
                "queue=\"" + stage + "\""));
        Optional<java.nio.file.Path> promtool = MetricsEndpoint.promtool();
        if (promtool.isPresent()) {
            MetricsEndpoint.Check check = MetricsEndpoint.promtoolCheck(promtool.get(), metrics);
            assertEquals(0, check.exitCode(), "promtool check metrics:\n" + check.output() + "\n---\n" + metrics);
        }
        Assumptions.assumeTrue(promtool.isPresent(), MetricsEndpoint.PROMTOOL_MISSING);
    }

    private String readQuietly(String path) {
        try {
            return zk.read(path);
        } catch (Exception e) {
            return null;
        }
    }
}
