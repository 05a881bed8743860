package io.pero.logdaemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.config.Credentials;
import io.pero.common.logging.LogSettings;
import io.pero.common.metrics.MetricsSettings;
import io.pero.common.mq.QueueTopology;
import io.pero.common.net.ServerAddress;
import io.pero.common.zk.ZkPaths;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.testing.Await;
import io.pero.testing.MetricsEndpoint;
import io.pero.testing.TestBroker;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log daemon's metrics endpoint counts what ends up in its files. */
class LogDaemonMetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int LINES = 40;

    @TempDir
    Path dir;

    @Test
    void linesAndBytesOnMetricsMatchTheFilesAndPromtoolAcceptsThem() throws Exception {
        TestBroker broker = TestBroker.get();
        String queue = TestBroker.uniqueName("it-log-metrics");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(0); Connection amqp = broker.connect("logd-metrics-it")) {
            try (CuratorFramework c = CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(200))) {
                c.start();
                c.blockUntilConnected(10, TimeUnit.SECONDS);
                c.create().creatingParentsIfNeeded().forPath(
                        ZkPaths.join(ZkPaths.MQ_SERVERS, ServerAddress.of(broker.host(), broker.port()).znodeName()));
            }
            Channel channel = amqp.createChannel();
            QueueTopology.declareStageQueue(channel, queue);
            LogDaemonConfig config = new LogDaemonConfig(List.of(ServerAddress.of("127.0.0.1", zk.port())),
                    Credentials.none(), true, queue, dir, Duration.ofMinutes(10), 0,
                    new MetricsSettings(Optional.of("127.0.0.1"), port), LogSettings.DEFAULT);
            String metrics;
            try (LogDaemon daemon = new LogDaemon(config, Clock.systemUTC())) {
                daemon.start();
                MetricsEndpoint endpoint = new MetricsEndpoint(port);
                for (int i = 0; i < LINES; i++) {
                    channel.basicPublish("", queue, true, new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                            ("line " + i + " žluťoučký").getBytes(StandardCharsets.UTF_8));
                }
                Await.until(WAIT, () -> broker.messageCount(queue) == 0 && fileBytes() > 0
                        && MetricsEndpoint.sample(endpoint.get("/metrics").body(), "pero_logd_unacked_lines", "")
                        .orElse(-1.0) == 0.0, "every line written and acked");
                assertEquals(200, endpoint.get("/health").status());
                assertEquals(200, endpoint.get("/ready").status(), endpoint.get("/ready").body());
                metrics = endpoint.get("/metrics").body();
            } finally {
                broker.deleteQueues(queue);
            }
            assertEquals(Optional.of((double) LINES), MetricsEndpoint.sample(metrics, "pero_logd_lines_written_total", ""));
            assertEquals(Optional.of((double) fileBytes()), MetricsEndpoint.sample(metrics, "pero_logd_written_bytes_total", ""));
            Optional<Path> promtool = MetricsEndpoint.promtool();
            if (promtool.isPresent()) {
                MetricsEndpoint.Check check = MetricsEndpoint.promtoolCheck(promtool.get(), metrics);
                assertEquals(0, check.exitCode(), "promtool check metrics:\n" + check.output() + "\n---\n" + metrics);
            }
            Assumptions.assumeTrue(promtool.isPresent(), MetricsEndpoint.PROMTOOL_MISSING);
        }
    }

    private long fileBytes() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> LogFileName.isOwn(p.getFileName().toString())).mapToLong(p -> p.toFile().length()).sum();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
