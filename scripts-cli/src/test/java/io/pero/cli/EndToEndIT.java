package io.pero.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.cli.publish.DownloadLayout;
import io.pero.cli.support.Cli;
import io.pero.cli.support.CliResult;
import io.pero.cli.support.Zk;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.QueueTopology;
import io.pero.common.status.StageLogStatus;
import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import io.pero.worker.WorkerMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system in one JVM: ZooKeeper (embedded), the real broker, two workers (WorkerMain on threads) and the
 * configuration and publisher tools. Requests go dummy1 → dummy2 → out and failtest → out; worker A moves from dummy1
 * to dummy2 halfway, worker B from failtest to dummy1. Every result, stage log and count is checked after the download.
 */
class EndToEndIT {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final int BATCH = 6;
    private static final int FAILING = 3;

    @TempDir
    Path tmp;

    private EmbeddedZooKeeper zooKeeper;
    private CuratorFramework zk;
    private Cli cli;
    private String dummy1;
    private String dummy2;
    private String failtest;
    private String out;
    private final String workerA = TestBroker.uniqueName("e2e-worker-a");
    private final String workerB = TestBroker.uniqueName("e2e-worker-b");
    private final List<CompletableFuture<Integer>> workers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        TestBroker broker = TestBroker.get();
        zooKeeper = EmbeddedZooKeeper.start(0);
        zk = Zk.connect(zooKeeper.connectString());
        cli = new Cli(zooKeeper.connectString());
        dummy1 = TestBroker.uniqueName("e2e-dummy1");
        dummy2 = TestBroker.uniqueName("e2e-dummy2");
        failtest = TestBroker.uniqueName("e2e-failtest");
        out = TestBroker.uniqueName("e2e-out");
        ok(cli.serverConfig("--add-mq-servers", broker.host() + ":" + broker.port()));
        Path dummy = Files.writeString(tmp.resolve("dummy.ini"), "[WORKER]\nDUMMY = yes\nTIME_SCALE = 0\n");
        ok(cli.stageConfig("-n", dummy1, "-c", dummy.toString(), "-v", "d1-v1"));
        ok(cli.stageConfig("-n", dummy2, "-c", dummy.toString(), "-v", "d2-v1"));
        ok(cli.stageConfig("-n", failtest, "-c", Files.writeString(tmp.resolve("failtest.ini"), "[WORKER]\nFAILTEST = yes\n")
                .toString(), "-v", "ft-v1"));
        ok(cli.stageConfig("-n", out));
    }

    @AfterEach
    void stop() throws Exception {
        for (String id : List.of(workerA, workerB)) {
            if (zk.checkExists().forPath(ZkPaths.workerEnabled(id)) != null) {
                zk.setData().forPath(ZkPaths.workerEnabled(id), ZkCodecs.text("false"));
            }
        }
        for (CompletableFuture<Integer> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        zk.close();
        zooKeeper.close();
        TestBroker.get().deleteQueues(dummy1, dummy2, failtest, out);
    }

    private static CliResult ok(CliResult r) {
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        return r;
    }

    private CompletableFuture<Integer> startWorker(String id) {
        CompletableFuture<Integer> worker = CompletableFuture.supplyAsync(() -> WorkerMain.run("-z", zooKeeper.connectString(),
                "-i", id, "--cache-directory", tmp.toString(), "--disable-remote-logging", "--max-errors", "1000",
                "--shutdown-timeout", "30"));
        workers.add(worker);
        Await.until(Duration.ofSeconds(30), () -> status(id).equals(WorkerStatus.IDLE.wire()), "worker " + id + " IDLE");
        return worker;
    }

    private String status(String id) {
        try {
            return zk.checkExists().forPath(ZkPaths.workerStatus(id)) == null ? ""
                    : ZkCodecs.text(zk.getData().forPath(ZkPaths.workerStatus(id)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void assign(String id, String stage) throws Exception {
        zk.setData().forPath(ZkPaths.workerQueue(id), ZkCodecs.text(stage));
    }

    private static long ready(String queue) {
        return TestBroker.get().messageCount(queue);
    }

    private Path images(String dir, int count, int seed) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(dir));
        for (int i = 0; i < count; i++) {
            byte[] content = new byte[16 + i];
            java.util.Arrays.fill(content, (byte) (seed + i));
            Files.write(d.resolve(String.format("%s-%02d.png", dir, i)), content);
        }
        return d;
    }

    /** The shared test vectors, re-routed through our stages. */
    private List<ProcessingRequest> vectors() throws Exception {
        Path dir = Path.of(System.getProperty("pero.shared.dir", "../testdata"), "testvectors");
        List<ProcessingRequest> vectors = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".protobuf")).sorted().toList()) {
                vectors.add(ProcessingRequest.parseFrom(Files.readAllBytes(f)).toBuilder()
                        .clearProcessingStages().addProcessingStages(dummy1).addProcessingStages(dummy2).addProcessingStages(out)
                        .build());
            }
        }
        assertEquals(2, vectors.size(), "test vectors in " + dir);
        return vectors;
    }

    private static void publish(List<ProcessingRequest> requests) throws Exception {
        try (Connection c = TestBroker.get().connect("pero-e2e-vectors"); Channel ch = c.createChannel()) {
            ch.confirmSelect();
            for (ProcessingRequest r : requests) {
                ch.basicPublish("", r.getProcessingStages(0), true, QueueTopology.taskProperties(r.getPriority()), r.toByteArray());
            }
            ch.waitForConfirmsOrDie(10_000);
        }
    }

    private static Map<String, String> uploadedUuids(CliResult upload) {
        Map<String, String> fileByUuid = new HashMap<>();
        upload.out().lines().filter(l -> l.startsWith("uploaded ")).forEach(l -> {
            String[] parts = l.split(" ");
            fileByUuid.put(parts[2].substring("uuid=".length()), parts[1]);
        });
        return fileByUuid;
    }

    @Test
    void requestsFlowThroughTwoWorkersThatSwitchStagesAndEveryResultComesBack() throws Exception {
        startWorker(workerA);
        startWorker(workerB);
        assign(workerA, dummy1);
        assign(workerB, failtest);

        // First half: A takes everything through dummy1 while nobody serves dummy2.
        List<ProcessingRequest> vectors = vectors();
        publish(vectors);
        Map<String, String> firstHalf = uploadedUuids(ok(cli.publisher("-r", images("first", BATCH, 1).toString(),
                "-t", dummy1, dummy2, out)));
        Map<String, String> failing = uploadedUuids(ok(cli.publisher("-r", images("failing", FAILING, 100).toString(),
                "-t", failtest, out)));
        Await.until(FLOW_TIMEOUT, () -> ready(dummy2) >= BATCH + vectors.size() && ready(dummy1) == 0,
                "first half waiting in " + dummy2);
        Await.until(FLOW_TIMEOUT, () -> ready(out) >= FAILING && ready(failtest) == 0, "failing requests in " + out);

        // Switch: A to dummy2, B to dummy1; the second half goes through B, then A.
        assign(workerA, dummy2);
        assign(workerB, dummy1);
        Map<String, String> secondHalf = uploadedUuids(ok(cli.publisher("-r", images("second", BATCH, 50).toString(),
                "-t", dummy1, dummy2, out)));
        int total = vectors.size() + 2 * BATCH + FAILING;
        Await.until(FLOW_TIMEOUT, () -> ready(out) >= total && ready(dummy1) == 0 && ready(dummy2) == 0,
                total + " results in " + out);

        // Shut both workers down through ZooKeeper; a message still unacked would now be back in its queue.
        zk.setData().forPath(ZkPaths.workerEnabled(workerA), ZkCodecs.text("false"));
        zk.setData().forPath(ZkPaths.workerEnabled(workerB), ZkCodecs.text("false"));
        for (CompletableFuture<Integer> w : workers) {
            assertEquals(ExitCodes.OK, w.get(60, TimeUnit.SECONDS), "worker exit code");
        }
        assertEquals(WorkerStatus.DEAD.wire(), status(workerA));
        assertEquals(WorkerStatus.DEAD.wire(), status(workerB));
        assertEquals(0, ready(dummy1) + ready(dummy2) + ready(failtest), "nothing left behind in the stage queues");

        Path results = Files.createDirectory(tmp.resolve("results"));
        CliResult download = ok(cli.publisher("-d", out, "-r", results.toString(), "--save-message", "--count-statistics"));
        assertEquals(0, ready(out));

        Map<String, Path> dirByUuid = downloadedOnce(results, download);
        Set<String> expected = new HashSet<>();
        vectors.forEach(v -> expected.add(v.getUuid()));
        expected.addAll(firstHalf.keySet());
        expected.addAll(secondHalf.keySet());
        expected.addAll(failing.keySet());
        assertEquals(total, expected.size());
        assertEquals(expected, dirByUuid.keySet(), "every request came back, nothing else");

        for (ProcessingRequest v : vectors) {
            ProcessingRequest m = checkPipeline(dirByUuid.get(v.getUuid()), workerA, v.getResults(0).getName());
            assertArrayEquals(v.getResults(0).getContent().toByteArray(),
                    Files.readAllBytes(dirByUuid.get(v.getUuid()).resolve(v.getResults(0).getName())), "result bytes unchanged");
            assertEquals(v.getPageUuid(), m.getPageUuid());
        }
        firstHalf.forEach((uuid, file) -> checkUploaded(dirByUuid.get(uuid), workerA, file));
        secondHalf.forEach((uuid, file) -> checkUploaded(dirByUuid.get(uuid), workerB, file));
        failing.forEach((uuid, file) -> checkFailed(dirByUuid.get(uuid), file));
    }

    /** uuid → its first directory; any other directory must be a {@code .dup-n} copy of a message that came back. */
    private static Map<String, Path> downloadedOnce(Path results, CliResult download) throws Exception {
        Map<String, Path> dirByUuid = new HashMap<>();
        List<Path> duplicates = new ArrayList<>();
        try (Stream<Path> s = Files.list(results)) {
            for (Path dir : s.toList()) {
                String name = dir.getFileName().toString();
                if (name.contains(".dup-")) {
                    duplicates.add(dir);
                } else {
                    dirByUuid.put(name, dir);
                }
            }
        }
        for (Path dup : duplicates) {
            String uuid = dup.getFileName().toString().replaceFirst("\\.dup-\\d+$", "");
            assertTrue(dirByUuid.containsKey(uuid), "duplicate " + dup + " of a message that came back");
        }
        assertTrue(download.out().contains("Number of received messages: " + (dirByUuid.size() + duplicates.size())),
                download.out());
        return dirByUuid;
    }

    private void checkUploaded(Path dir, String dummy1Worker, String file) {
        try {
            String name = Path.of(file).getFileName().toString();
            checkPipeline(dir, dummy1Worker, name);
            assertArrayEquals(Files.readAllBytes(Path.of(file)), Files.readAllBytes(dir.resolve(name)), "result bytes unchanged");
        } catch (Exception e) {
            throw new AssertionError("checking " + dir + ": " + e, e);
        }
    }

    /** dummy1 by {@code dummy1Worker}, dummy2 by worker A, both OK with their versions; only the output stage remains. */
    private ProcessingRequest checkPipeline(Path dir, String dummy1Worker, String resultName) throws Exception {
        ProcessingRequest m = ProcessingRequest.parseFrom(Files.readAllBytes(dir.resolve(DownloadLayout.MESSAGE_BODY)));
        assertEquals(dir.getFileName().toString(), m.getUuid());
        assertEquals(List.of(out), m.getProcessingStagesList(), "remaining stages");
        assertEquals(1, m.getResultsCount(), "dummy stages add no results");
        assertEquals(resultName, m.getResults(0).getName());
        assertEquals(2, m.getLogsCount(), "one log per stage: " + m.getLogsList());
        checkLog(m.getLogs(0), dummy1, dummy1Worker, StageLogStatus.OK, "d1-v1");
        checkLog(m.getLogs(1), dummy2, workerA, StageLogStatus.OK, "d2-v1");
        assertTrue(m.getLogs(0).getEnd().getSeconds() > 0 && m.getLogs(1).getEnd().getSeconds() > 0, "end times set");
        assertEquals(DownloadLayout.logText(m.getLogs(1)), Files.readString(dir.resolve(dummy2 + ".log"), StandardCharsets.UTF_8));
        assertTrue(Files.readString(dir.resolve(dummy1 + ".log")).startsWith("Host id       : " + dummy1Worker + "\nStage         : "
                + dummy1 + "\n"), "dummy1 log file");
        assertEquals(DownloadLayout.infoText(m), Files.readString(dir.resolve(m.getUuid() + "_info.txt")));
        return m;
    }

    private void checkFailed(Path dir, String file) {
        try {
            ProcessingRequest m = ProcessingRequest.parseFrom(Files.readAllBytes(dir.resolve(DownloadLayout.MESSAGE_BODY)));
            assertEquals(List.of(out), m.getProcessingStagesList(), "a failed request goes to the output stage");
            assertEquals(1, m.getLogsCount());
            checkLog(m.getLogs(0), failtest, workerB, StageLogStatus.FAILED, "ft-v1");
            assertFalse(m.getLogs(0).hasEnd(), "no end time on failure");
            String log = Files.readString(dir.resolve(failtest + ".log"));
            assertTrue(log.contains("End time      : 1970-01-01T00:00:00\nStatus        : Failed\n"), log);
            assertArrayEquals(Files.readAllBytes(Path.of(file)), Files.readAllBytes(dir.resolve(Path.of(file).getFileName().toString())));
        } catch (Exception e) {
            throw new AssertionError("checking " + dir + ": " + e, e);
        }
    }

    private static void checkLog(StageLog log, String stage, String host, String status, String version) {
        assertEquals(stage, log.getStage(), log.toString());
        assertEquals(host, log.getHostId(), log.toString());
        assertEquals(status, log.getStatus(), log.toString());
        assertEquals(version, log.getVersion(), log.toString());
        assertTrue(log.getStart().getSeconds() > 0, "start time set");
    }
}
