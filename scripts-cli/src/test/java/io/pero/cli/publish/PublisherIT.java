package io.pero.cli.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.cli.support.Cli;
import io.pero.cli.support.CliResult;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.QueueTopology;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherIT {
    private static EmbeddedZooKeeper zooKeeper;
    private static Cli cli;

    @TempDir
    Path tmp;
    private final List<String> queues = new ArrayList<>();

    @BeforeAll
    static void start() {
        TestBroker broker = TestBroker.get();
        zooKeeper = EmbeddedZooKeeper.start(0);
        cli = new Cli(zooKeeper.connectString());
        CliResult r = cli.serverConfig("--add-mq-servers", broker.host() + ":" + broker.port());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
    }

    @AfterAll
    static void stop() {
        zooKeeper.close();
    }

    @AfterEach
    void deleteQueues() {
        TestBroker.get().deleteQueues(queues.toArray(String[]::new));
    }

    private String queue(String prefix) {
        String name = TestBroker.uniqueName(prefix);
        queues.add(name);
        assertEquals(ExitCodes.OK, cli.stageConfig("-n", name).code());
        return name;
    }

    private static List<Path> dirs(Path root) throws Exception {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static void publishRaw(String queue, byte[]... bodies) throws Exception {
        try (Connection c = TestBroker.get().connect("pero-test-publish"); Channel ch = c.createChannel()) {
            ch.confirmSelect();
            for (byte[] body : bodies) {
                ch.basicPublish("", queue, true, QueueTopology.taskProperties(0), body);
            }
            ch.waitForConfirmsOrDie(10_000);
        }
    }

    @Test
    void uploadedFilesComeBackWithTheOriginalsLayoutAndMessageBody() throws Exception {
        String out = queue("it-pub-out");
        Path inputs = Files.createDirectory(tmp.resolve("inputs"));
        Files.write(inputs.resolve("b.png"), new byte[] {2, 2});
        Files.createDirectory(inputs.resolve("subdir-skipped"));
        Path single = Files.write(tmp.resolve("a.jpg"), new byte[] {1});
        Path results = Files.createDirectory(tmp.resolve("results"));

        CliResult up = cli.publisher("-i", single.toString(), "-r", inputs.toString(), "-t", out, "-y", "1");
        assertEquals(ExitCodes.OK, up.code(), up.toString());
        assertEquals(2, up.out().lines().filter(l -> l.startsWith("uploaded ")).count(), up.out());
        Await.until(Duration.ofSeconds(10), () -> TestBroker.get().messageCount(out) == 2, "2 messages in " + out);

        CliResult down = cli.publisher("-d", out, "-r", results.toString(), "--save-message", "--count-statistics");
        assertEquals(ExitCodes.OK, down.code(), down.toString());
        assertTrue(down.out().contains("Number of received messages: 2"), down.out());
        assertTrue(down.out().contains("Statistics of 2 messages:"), down.out());
        assertEquals(0, TestBroker.get().messageCount(out), "everything acked");

        Map<String, byte[]> contentByName = new HashMap<>();
        for (Path dir : dirs(results)) {
            String uuid = dir.getFileName().toString();
            ProcessingRequest m = ProcessingRequest.parseFrom(Files.readAllBytes(dir.resolve("message_body")));
            assertEquals(uuid, m.getUuid());
            assertEquals(1, m.getPriority());
            assertEquals(List.of(out), m.getProcessingStagesList());
            assertEquals("Message id : " + uuid + "\nPage uuid  : " + m.getPageUuid() + "\nStart time : "
                    + DownloadLayout.pythonIso(m.getStartTime()) + "\nRemaining processing stages:\n  " + out + "\n",
                    Files.readString(dir.resolve(uuid + "_info.txt")));
            String name = m.getResults(0).getName();
            contentByName.put(name, Files.readAllBytes(dir.resolve(name)));
        }
        assertEquals(2, contentByName.size());
        assertArrayEquals(new byte[] {1}, contentByName.get("a.jpg"));
        assertArrayEquals(new byte[] {2, 2}, contentByName.get("b.png"));
    }

    @Test
    void logsUnsafeNamesDuplicatesAndJunkAreAllKept() throws Exception {
        String out = queue("it-pub-dup");
        ProcessingRequest m = ProcessingRequest.newBuilder().setUuid("0123456789abcdef0123456789abcdef").setPageUuid("p")
                .setStartTime(Timestamp.newBuilder().setSeconds(1672354416L))
                .addProcessingStages("ocr").addProcessingStages(out)
                .addResults(Data.newBuilder().setName("../../evil.txt").setContent(ByteString.copyFromUtf8("evil")))
                .addLogs(StageLog.newBuilder().setHostId("w1").setStage("ocr").setStatus("Failed").setVersion("v")
                        .setStart(Timestamp.newBuilder().setSeconds(1672354417L)).setLog("boom\n"))
                .build();
        publishRaw(out, m.toByteArray(), m.toByteArray(), "not a protobuf \u00ff".getBytes(StandardCharsets.ISO_8859_1));
        Path results = Files.createDirectory(tmp.resolve("results"));

        CliResult down = cli.publisher("-d", out, "-r", results.toString());
        assertEquals(ExitCodes.FAILED, down.code(), "junk is reported: " + down);
        assertTrue(down.err().contains("error: download: 1 messages were not processing requests"), down.err());
        assertEquals(0, TestBroker.get().messageCount(out));

        Path first = results.resolve(m.getUuid());
        Path second = results.resolve(m.getUuid() + ".dup-1");
        assertEquals(List.of(first, second), dirs(results));
        for (Path dir : List.of(first, second)) {
            assertEquals("evil", Files.readString(dir.resolve("___.._evil.txt")));
            assertEquals("Host id       : w1\nStage         : ocr\nStart time    : 2022-12-29T22:53:37\n"
                    + "End time      : 1970-01-01T00:00:00\nStatus        : Failed\nStage version : v\n*** Log ***\nboom\n",
                    Files.readString(dir.resolve("ocr.log")));
        }
        assertTrue(Files.notExists(tmp.resolve("evil.txt")), "nothing escaped the output directory");
        assertTrue(Files.exists(results.resolve("unparseable-1.bin")));
    }

    @Test
    void uploadToAMissingQueueIsReportedPerFileAndExitsOne() throws Exception {
        String missing = TestBroker.uniqueName("it-pub-missing");
        Path img = Files.write(tmp.resolve("x.png"), new byte[] {9});
        CliResult r = cli.publisher("-i", img.toString(), "-t", missing, "out");
        assertEquals(ExitCodes.FAILED, r.code(), r.toString());
        assertTrue(r.err().contains("error: upload: 1 of 1 files not accepted by queue " + missing), r.err());
        assertTrue(r.err().contains("unroutable"), r.err());
    }

    @Test
    void aFileAboveTheBrokersMessageSizeLimitIsRefusedByNameAndTheRestArePublished() throws Exception {
        String out = queue("it-pub-big");
        Path inputs = Files.createDirectory(tmp.resolve("batch"));
        Files.write(inputs.resolve("a.png"), new byte[] {1});
        Path big = Files.write(inputs.resolve("b-huge.png"), new byte[2000]);
        Files.write(inputs.resolve("c.png"), new byte[] {3});

        CliResult r = cli.publisher("-r", inputs.toString(), "-t", out, "--max-message-size", "1000");
        assertEquals(ExitCodes.FAILED, r.code(), r.toString());
        assertTrue(r.err().contains("error: upload: 1 of 3 files not accepted by queue " + out), r.err());
        assertTrue(r.err().contains("too large: " + big + " is 2000 bytes"), r.err());
        assertTrue(r.err().contains("above the broker's maximum message size of 1000 bytes (--max-message-size)"), r.err());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("uploaded ")).count(), r.out());
        Await.until(Duration.ofSeconds(10), () -> TestBroker.get().messageCount(out) == 2, "the other 2 files in " + out);
    }

    @Test
    void mqServersGivenDirectlySkipZooKeeperAndManyUploadsAreConfirmed() throws Exception {
        String out = queue("it-pub-direct");
        Path inputs = Files.createDirectory(tmp.resolve("many"));
        for (int i = 0; i < 300; i++) {
            Files.write(inputs.resolve(String.format("img-%03d.png", i)), new byte[] {(byte) i});
        }
        TestBroker b = TestBroker.get();
        CliResult r = new Cli("127.0.0.1:1").publisher("-s", b.host() + ":" + b.port(), "-r", inputs.toString(), "-t", out,
                "--max-in-flight", "32");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        Await.until(Duration.ofSeconds(10), () -> b.messageCount(out) == 300, "300 messages in " + out);
    }

    @Test
    void keepRunningDownloadsNewMessagesUntilStopped() throws Exception {
        String out = queue("it-pub-keep");
        Path results = Files.createDirectory(tmp.resolve("results"));
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<CliResult> download = CompletableFuture.supplyAsync(
                () -> cli.publisher(stop, "-d", out, "-r", results.toString(), "-k"));
        ProcessingRequest m = ProcessingRequest.newBuilder().setUuid("feedbeef").addProcessingStages(out).build();
        publishRaw(out, m.toByteArray());
        Await.until(Duration.ofSeconds(15), () -> Files.exists(results.resolve("feedbeef/feedbeef_info.txt")), "download of feedbeef");
        Await.until(Duration.ofSeconds(5), () -> TestBroker.get().messageCount(out) == 0, "queue drained");
        stop.countDown();
        CliResult r = download.get(10, TimeUnit.SECONDS);
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("Number of received messages: 1"), r.out());
    }
}
