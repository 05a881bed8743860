package io.pero.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.QueueTopology;
import io.pero.common.status.StageLogStatus;
import io.pero.common.zk.ZkPaths;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import io.pero.watchdog.testing.ZkFixture;
import io.pero.worker.WorkerMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three DUMMY stages in a row, three JVM workers that all start on the last stage, and a backlog put into the first: only
 * the watchdog moving workers can get the messages through, so every message reaching the output shows the workers
 * followed the backlog from stage to stage.
 */
class WatchdogFollowsBacklogIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int MESSAGES = 30;
    private static final String DUMMY = "[WORKER]\nDUMMY=1\nTIME_SCALE=0\nTIME_DIFF_MIN=0.1\nTIME_DIFF_MAX=0.1\n";

    @TempDir
    Path tmp;
    private final TestBroker broker = TestBroker.get();
    private final List<String> stages = List.of(TestBroker.uniqueName("wd-s1"), TestBroker.uniqueName("wd-s2"),
            TestBroker.uniqueName("wd-s3"));
    private final String out = TestBroker.uniqueName("wd-out");
    private final List<String> workers = List.of("wd-it-w1", "wd-it-w2", "wd-it-w3");
    private final List<CompletableFuture<Integer>> exits = new ArrayList<>();
    @RegisterExtension
    final ZkFixture zk = new ZkFixture();
    private Connection amqp;

    @BeforeEach
    void cluster() throws Exception {
        amqp = broker.connect("wd-follow-it");
        try (Channel ch = amqp.createChannel()) {
            for (String q : allQueues()) {
                QueueTopology.declareStageQueue(ch, q);
            }
        }
        zk.server(ZkPaths.MQ_SERVERS, broker.host() + ":" + broker.port());
        for (String stage : stages) {
            zk.stage(stage, Optional.empty(), 0, Optional.empty());
            zk.set(ZkPaths.stageConfig(stage), DUMMY);
            zk.set(ZkPaths.stageConfigPath(stage), "");
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = 0; i < exits.size(); i++) {
            zk.set(ZkPaths.workerEnabled(workers.get(i)), "false");
        }
        for (CompletableFuture<Integer> exit : exits) {
            assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS), "worker exit code after enabled=false");
        }
        amqp.close();
        broker.deleteQueues(allQueues().toArray(String[]::new));
    }

    private List<String> allQueues() {
        List<String> all = new ArrayList<>(stages);
        all.add(out);
        return all;
    }

    @Test
    void workersFollowTheBacklogFromStageToStageAndEveryMessageReachesTheOutput() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        for (String id : workers) {
            startWorker(id, cache);
        }
        String last = stages.get(2);
        for (String id : workers) {
            zk.set(ZkPaths.workerQueue(id), last);
        }
        Await.until(WAIT, () -> workers.stream().allMatch(id -> last.equals(readQuietly(ZkPaths.workerActiveStage(id)))),
                "all workers serve the last stage");
        publishBacklog();

        Path ini = Files.writeString(tmp.resolve("watchdog.ini"), "[WATCHDOG]\nreconfiguration_time=0\nhold_time=2\n");
        List<ProcessingRequest> results;
        try (RunningWatchdog watchdog = RunningWatchdog.start("follow", "-c", ini.toString(), "-z", zk.connectString(),
                "--interval", "1s")) {
            results = take(out, MESSAGES);
        }

        assertEquals(MESSAGES, results.stream().map(ProcessingRequest::getUuid).distinct().count(), "every message, once");
        Set<String> servedFirstStage = new HashSet<>();
        for (ProcessingRequest r : results) {
            assertEquals(stages, r.getLogsList().stream().map(StageLog::getStage).toList(), "processed by every stage in order");
            assertTrue(r.getLogsList().stream().allMatch(l -> l.getStatus().equals(StageLogStatus.OK)));
            servedFirstStage.add(r.getLogs(0).getHostId());
        }
        assertTrue(servedFirstStage.size() >= 2, "the backlog drew several workers to the first stage: " + servedFirstStage);
    }

    private void startWorker(String id, Path cache) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        String[] args = {"-z", zk.connectString(), "-i", id, "--cache-directory", cache.toString(), "--disable-remote-logging",
            "--prefetch", "1", "--shutdown-timeout", "10"};
        Thread t = new Thread(() -> exit.complete(WorkerMain.run(args)), "it-worker-" + id);
        t.setDaemon(true);
        t.start();
        exits.add(exit);
        Await.until(WAIT, () -> "IDLE".equals(readQuietly(ZkPaths.workerStatus(id))), "worker " + id + " started");
    }

    private void publishBacklog() throws Exception {
        List<String> path = new ArrayList<>(stages);
        path.add(out);
        try (Channel ch = amqp.createChannel()) {
            for (int i = 0; i < MESSAGES; i++) {
                ProcessingRequest r = ProcessingRequest.newBuilder().setUuid(UUID.randomUUID().toString().replace("-", ""))
                        .setPageUuid("page-" + i).addAllProcessingStages(path)
                        .addResults(Data.newBuilder().setName("page.jpg").setContent(ByteString.copyFromUtf8("x"))).build();
                ch.basicPublish("", stages.get(0), QueueTopology.taskProperties(0), r.toByteArray());
            }
        }
    }

    private List<ProcessingRequest> take(String queue, int count) throws Exception {
        List<ProcessingRequest> taken = new ArrayList<>();
        try (Channel ch = amqp.createChannel()) {
            Await.until(WAIT, () -> {
                try {
                    GetResponse r;
                    while (taken.size() < count && (r = ch.basicGet(queue, true)) != null) {
                        taken.add(ProcessingRequest.parseFrom(r.getBody()));
                    }
                    return taken.size() == count;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, count + " results in " + queue + " (got " + taken.size() + ")");
        }
        return taken;
    }

    private String readQuietly(String path) {
        try {
            return zk.exists(path) ? zk.read(path) : null;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
