package io.pero.logdaemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.config.Credentials;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.QueueTopology;
import io.pero.common.mq.management.Json;
import io.pero.common.net.ServerAddress;
import io.pero.common.zk.ZkPaths;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDaemonIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EmbeddedZooKeeper zk;
    private static TestBroker broker;
    private static Connection publisherConnection;

    @TempDir
    Path dir;
    private String queue;
    private Channel publisher;

    @BeforeAll
    static void services() throws Exception {
        zk = EmbeddedZooKeeper.start(0);
        broker = TestBroker.get();
        try (CuratorFramework c = CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(200))) {
            c.start();
            c.blockUntilConnected(10, TimeUnit.SECONDS);
            c.create().creatingParentsIfNeeded().forPath(
                    ZkPaths.join(ZkPaths.MQ_SERVERS, ServerAddress.of(broker.host(), broker.port()).znodeName()));
        }
        publisherConnection = broker.connect("pero-test-logd-publisher");
    }

    @AfterAll
    static void stopServices() throws IOException {
        publisherConnection.close();
        zk.close();
    }

    @BeforeEach
    void queue() throws IOException {
        queue = TestBroker.uniqueName("it-log");
        publisher = publisherConnection.createChannel();
        QueueTopology.declareStageQueue(publisher, queue);
    }

    @AfterEach
    void deleteQueue() {
        broker.deleteQueues(queue);
    }

    @Test
    void linesArriveInOrderAndTheQueueDrainsEvenBeyondThePrefetch() throws Exception {
        int n = LogQueueDrainer.PREFETCH * 3;
        List<String> lines = IntStream.range(0, n).mapToObj(i -> "2023-08-07 10:11:12,123 host w1 INFO line " + i + " žluťoučký").toList();
        try (LogDaemon daemon = started(Clock.systemUTC(), 0)) {
            lines.forEach(this::publish);
            // More lines than the prefetch can only all arrive if the daemon acks while it runs.
            Await.until(WAIT, () -> allLines().size() == n, n + " lines in the log file");
            assertEquals(lines, allLines());
        }
        assertEquals(0, broker.messageCount(queue), "every line was acked, none requeued at shutdown");
        assertEquals(1, ownFiles().size());
    }

    @Test
    void retentionKeepsNOwnFilesAcrossRotationsAndLeavesOtherFilesAlone() throws Exception {
        Files.writeString(dir.resolve("README.txt"), "operator notes");
        Files.writeString(dir.resolve("pero_2020-01-01T00:00:00+00:00.log"), "from the Python daemon");
        ManualClock clock = new ManualClock();
        try (LogDaemon daemon = started(clock, 2)) {
            for (int round = 0; round < 5; round++) {
                String line = "round " + round;
                publish(line);
                Await.until(WAIT, () -> allLines().contains(line), "'" + line + "' written");
                clock.advance(Duration.ofMinutes(1));
            }
            List<String> own = ownFiles();
            assertEquals(2, own.size(), "own files " + own);
            assertEquals(List.of("round 3"), Files.readAllLines(dir.resolve(own.get(0))));
        }
        assertEquals("operator notes", Files.readString(dir.resolve("README.txt")));
        assertEquals("from the Python daemon", Files.readString(dir.resolve("pero_2020-01-01T00:00:00+00:00.log")));
    }

    @Test
    void keepsDrainingAfterTheBrokerClosesItsConnection() throws Exception {
        assumeTrue(broker.managementPort() > 0, "needs the RabbitMQ management API to close a connection from the broker side");
        BrokerConnections connections = new BrokerConnections(broker);
        String name = "pero-logd:" + LogDaemon.instanceId() + ":consume";
        List<String> before = IntStream.range(0, 100).mapToObj(i -> "before " + i).toList();
        List<String> after = IntStream.range(0, 100).mapToObj(i -> "after " + i).toList();
        try (LogDaemon daemon = started(Clock.systemUTC(), 0)) {
            before.forEach(this::publish);
            Await.until(WAIT, () -> allLines().containsAll(before), "lines before the connection loss");
            Await.until(WAIT, () -> !named(connections, name).isEmpty(), "the daemon's connection listed by the broker");
            for (String c : named(connections, name)) {
                connections.close(c);
            }
            after.forEach(this::publish);
            Await.until(WAIT, () -> allLines().containsAll(after), "lines published after the broker closed the connection");
        }
        assertEquals(0, broker.messageCount(queue), "everything acked after recovery");
    }

    private static List<String> named(BrokerConnections connections, String name) {
        try {
            return connections.named(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void missingLogQueueEndsRunWithExitCode3AndSaysHowToCreateIt() throws Exception {
        String missing = TestBroker.uniqueName("it-no-such-log");
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> LogDaemonMain.run(new PrintWriter(err, true),
                "-z", zk.connectString(), "-q", missing, "-o", dir.toString()));
        assertEquals(ExitCodes.BAD_CONFIG, code.get(30, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "fails fast");
        assertTrue(err.toString().contains("log queue '" + missing + "' does not exist in vhost pero; create it with "
                + "pero-stage-config -n " + missing), err.toString());
    }

    @Test
    void refusedCredentialsAreExit3WithoutRetrying() throws Exception {
        // The original uses one set of credentials for ZooKeeper and RabbitMQ; the embedded ZooKeeper refuses first.
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> LogDaemonMain.run(new PrintWriter(err, true),
                "-z", zk.connectString(), "-q", queue, "-o", dir.toString(), "-u", "no-such-user", "-p", "wrong"));
        assertEquals(ExitCodes.BAD_CONFIG, code.get(30, TimeUnit.SECONDS), err.toString());
        assertTrue(err.toString().contains("refused"), err.toString());
    }

    @Test
    void sigtermFlushesAcksAndExitsZero() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process daemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, LogDaemonMain.class.getName(), "-z", zk.connectString(), "-q", queue, "-o", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
        try {
            for (int i = 0; i < 500; i++) {
                publish("line " + i);
            }
            Await.until(WAIT, () -> allLines().size() == 500, "500 lines written by the child daemon");
            daemon.destroy();
            assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "daemon exits after SIGTERM");
            assertEquals(0, daemon.exitValue(), Files.readString(dir.resolve("daemon.out")));
        } finally {
            daemon.destroyForcibly();
        }
        assertEquals(0, broker.messageCount(queue), "everything written was acked before exit");
        assertEquals(500, allLines().size(), "no duplicates");
    }

    @Test
    void logFormatJsonFromTheIniFileMakesEveryStderrLineAJsonObject() throws Exception {
        Path ini = Files.writeString(dir.resolve("logd.ini"), "[LOGD]\nzookeeper_servers = " + zk.connectString()
                + "\nlog_queue = " + queue + "\noutput_dir = " + dir.resolve("out") + "\nlog_format = json\n");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "-Dlogback.configurationFile=logback.xml", LogDaemonMain.class.getName(), "-c", ini.toString())
                .redirectError(dir.resolve("daemon.err").toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("PERO_"));
        Process daemon = builder.start();
        try {
            publish("json line");
            Await.until(WAIT, () -> Files.isDirectory(dir.resolve("out")) && linesIn(dir.resolve("out")).contains("json line"),
                    "the line written by the child daemon");
            daemon.destroy();
            assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "daemon exits after SIGTERM");
        } finally {
            daemon.destroyForcibly();
        }
        String text = Files.readString(dir.resolve("daemon.err"));
        assertEquals(0, daemon.exitValue(), text);
        List<Map<?, ?>> lines = text.lines().filter(l -> !l.isBlank())
                .<Map<?, ?>>map(l -> assertInstanceOf(Map.class, Json.parse(l), "a JSON object per line: " + l)).toList();
        assertTrue(lines.stream().anyMatch(l -> "INFO".equals(l.get("level"))
                && "io.pero.logdaemon.LogDaemon".equals(l.get("loggerName"))
                && l.get("formattedMessage").toString().startsWith("log daemon started queue=" + queue)), text);
        assertEquals(List.of("json line"), linesIn(dir.resolve("out")), "the files keep the plain lines");
    }

    private static List<String> linesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<String> all = new ArrayList<>();
            for (Path f : files.filter(p -> LogFileName.isOwn(p.getFileName().toString())).sorted().toList()) {
                all.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private LogDaemon started(Clock clock, int keepFiles) throws Exception {
        LogDaemonConfig config = new LogDaemonConfig(List.of(ServerAddress.of("127.0.0.1", zk.port())), Credentials.none(),
                true, queue, dir, Duration.ofMinutes(1), keepFiles);
        LogDaemon daemon = new LogDaemon(config, clock);
        try {
            daemon.start();
        } catch (Exception e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    private void publish(String line) {
        try {
            publisher.basicPublish("", queue, true, new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                    line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot publish to " + queue, e);
        }
    }

    private List<String> ownFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(LogFileName::isOwn).sorted().toList();
        }
    }

    private List<String> allLines() {
        try {
            List<String> all = new ArrayList<>();
            for (String f : ownFiles()) {
                all.addAll(Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8));
            }
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves by hand; read by the daemon's threads. */
    private static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2023-08-07T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
