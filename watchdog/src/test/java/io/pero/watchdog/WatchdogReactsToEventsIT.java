package io.pero.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.QueueTopology;
import io.pero.common.zk.ZkPaths;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import io.pero.watchdog.testing.ZkFixture;
import io.pero.worker.WorkerMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog re-plans when a stage queue fills, not only at its cycle: with a one-hour interval, a JVM worker idle on
 * stage a goes to stage b soon after messages arrive in b. (The first cycle runs at start; it marks the unserved stage c
 * as waiting, which tells the test that cycle is over before b gets its messages.)
 */
class WatchdogReactsToEventsIT {
    /** Far below the one-hour interval: only an event-driven plan can move the worker within it. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DUMMY = "[WORKER]\nDUMMY=1\nTIME_SCALE=0\n";

    @TempDir
    Path tmp;
    private final TestBroker broker = TestBroker.get();
    private final String a = TestBroker.uniqueName("ev-a");
    private final String b = TestBroker.uniqueName("ev-b");
    private final String c = TestBroker.uniqueName("ev-c");
    private final String out = TestBroker.uniqueName("ev-out");
    private final String worker = "ev-it-w1";
    @RegisterExtension
    final ZkFixture zk = new ZkFixture();
    private Connection amqp;
    private CompletableFuture<Integer> exit;

    @BeforeEach
    void cluster() throws Exception {
        amqp = broker.connect("wd-events-it");
        try (Channel ch = amqp.createChannel()) {
            for (String q : List.of(a, b, c, out)) {
                QueueTopology.declareStageQueue(ch, q);
            }
        }
        zk.server(ZkPaths.MQ_SERVERS, broker.host() + ":" + broker.port());
        for (String stage : List.of(a, b, c)) {
            zk.stage(stage, Optional.of(0.1), 0, Optional.empty());
            zk.set(ZkPaths.stageConfig(stage), DUMMY);
            zk.set(ZkPaths.stageConfigPath(stage), "");
        }
        zk.set(ZkPaths.stageMaxWorkers(c), "0");
    }

    @AfterEach
    void stop() throws Exception {
        if (exit != null) {
            zk.set(ZkPaths.workerEnabled(worker), "false");
            assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS), "worker exit code after enabled=false");
        }
        amqp.close();
        broker.deleteQueues(a, b, c, out);
    }

    @Test
    void aQueueThatFillsBetweenCyclesGetsAWorkerWithoutWaitingForTheNextCycle() throws Exception {
        startWorkerOn(a);
        publish(c, 1);
        Path ini = Files.writeString(tmp.resolve("watchdog.ini"), "[WATCHDOG]\nreconfiguration_time=0\nhold_time=0\n");
        try (RunningWatchdog watchdog = RunningWatchdog.start("events", "-c", ini.toString(), "-z", zk.connectString(),
                "--interval", "1h")) {
            Await.until(WAIT, () -> !readQuietly(ZkPaths.stageWaitingSince(c)).isEmpty(), "the first cycle marked c waiting");
            assertEquals(a, readQuietly(ZkPaths.workerQueue(worker)), "nothing to do for the worker at the first cycle");

            publish(b, 5);

            Await.until(WAIT, () -> b.equals(readQuietly(ZkPaths.workerActiveStage(worker))),
                    "the worker serves b within " + WAIT.toSeconds() + " s of b filling (the cycle is 1 h)");
        }
    }

    private void startWorkerOn(String stage) throws Exception {
        zk.set(ZkPaths.workerQueue(worker), stage);
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        String[] args = {"-z", zk.connectString(), "-i", worker, "--cache-directory", cache.toString(), "--disable-remote-logging"};
        exit = new CompletableFuture<>();
        CompletableFuture<Integer> e = exit;
        Thread t = new Thread(() -> e.complete(WorkerMain.run(args)), "it-worker-" + worker);
        t.setDaemon(true);
        t.start();
        Await.until(WAIT, () -> stage.equals(readQuietly(ZkPaths.workerActiveStage(worker))), "worker serves " + stage);
    }

    private void publish(String stage, int count) throws Exception {
        try (Channel ch = amqp.createChannel()) {
            for (int i = 0; i < count; i++) {
                ProcessingRequest r = ProcessingRequest.newBuilder().setUuid(UUID.randomUUID().toString().replace("-", ""))
                        .setPageUuid("page-" + i).addProcessingStages(stage).addProcessingStages(out)
                        .addResults(Data.newBuilder().setName("page.jpg").setContent(ByteString.copyFromUtf8("x"))).build();
                ch.basicPublish("", stage, QueueTopology.taskProperties(0), r.toByteArray());
            }
        }
    }

    private String readQuietly(String path) {
        try {
            return zk.exists(path) ? zk.read(path) : "";
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
