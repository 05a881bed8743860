package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.GetResponse;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.QueueTopology;
import io.pero.common.status.StageLogStatus;
import io.pero.common.zk.ZkPaths;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A worker run in this JVM against a real broker, an in-JVM ZooKeeper and an in-JVM SFTP server. */
class WorkerIT {
    @RegisterExtension
    static final WorkerHarnessExtension services = new WorkerHarnessExtension();
    private final WorkerHarness h = services.harness();

    @Test
    void dummyStageForwardsEveryRequestWithItsStageLogAndUpdatesStatistics() throws Exception {
        String stage = h.dummyStage("it-dummy", "TIME_SCALE=0\n");
        String next = h.queue("it-next");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);
        List<ProcessingRequest> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ProcessingRequest r = h.request(stage, next, out);
            sent.add(r);
            h.publish(stage, r.toByteArray());
        }
        List<ProcessingRequest> forwarded = h.take(next, 12);
        for (ProcessingRequest r : forwarded) {
            assertEquals(List.of(next, out), r.getProcessingStagesList());
            assertEquals(1, r.getResultsCount(), "dummy leaves results as they are");
            StageLog log = r.getLogs(0);
            assertEquals(id, log.getHostId());
            assertEquals(stage, log.getStage());
            assertEquals(StageLogStatus.OK, log.getStatus());
            assertEquals("v1", log.getVersion());
            assertTrue(log.hasStart() && log.hasEnd(), "start and end set on success");
            assertTrue(log.getLog().contains("Dummy processing time: 0.0 seconds\n"), log.getLog());
        }
        assertEquals(sent.stream().map(ProcessingRequest::getUuid).sorted().toList(),
                forwarded.stream().map(ProcessingRequest::getUuid).sorted().toList());
        Await.until(WorkerHarness.WAIT, () -> h.avgMsgTime(stage).isPresent(), "avg_msg_time reported after 11 successes");
        assertEquals(stage, h.read(ZkPaths.workerActiveStage(id)));
        assertTrue(Double.parseDouble(h.read(ZkPaths.workerSwitchSeconds(id))) >= 0);
        h.awaitStatus(id, "IDLE");
        h.stopWorker(id, exit);
        assertFalse(h.exists(ZkPaths.workerConnected(id)), "ephemeral node removed at shutdown");
    }

    @Test
    void mixedOutcomesInOnePrefetchWindowAreEachSettledExactlyOnce() throws Exception {
        // Acks leave in multiple acks over runs of confirmed deliveries: a parked message and one rerouted to the
        // output queue in the same window must neither be acked early nor be left unacked.
        String stage = h.dummyStage("it-mixed", "TIME_SCALE=0\n");
        String next = h.queue("it-next");
        String out = h.queue("it-out");
        String missing = TestBroker.uniqueName("it-missing");
        List<String> forwarded = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i == 7) {
                h.publish(stage, new byte[] {(byte) 0xff, 0x01});
            } else if (i == 13) {
                h.publish(stage, h.request(stage, missing, out).toByteArray());
            } else {
                ProcessingRequest r = h.request(stage, next, out);
                forwarded.add(r.getUuid());
                h.publish(stage, r.toByteArray());
            }
        }
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id, "--prefetch", "16");
        h.assign(id, stage);
        assertEquals(forwarded.stream().sorted().toList(),
                h.take(next, 28).stream().map(ProcessingRequest::getUuid).sorted().toList());
        assertTrue(h.take(out, 1).get(0).getLogs(0).getLog().contains("Delivery to queue " + missing + " failed!"));
        h.takeParked(id, stage);
        h.stopWorker(id, exit);
        assertEquals(0, h.messageCount(stage), "every delivery acked: none came back when the channel closed");
        assertEquals(0, h.messageCount(next), "none forwarded twice");
        assertEquals(0, h.messageCount(out));
    }

    @Test
    void failingStageSendsTheRequestToTheOutputWithTheRemainingStages() throws Exception {
        String stage = h.queue("it-fail");
        h.defineStage(stage, "[WORKER]\nFAILTEST=1\n", "v7", "");
        String next = h.queue("it-next");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);
        h.publish(stage, h.request(stage, next, out).toByteArray());
        ProcessingRequest r = h.take(out, 1).get(0);
        assertEquals(List.of(next, out), r.getProcessingStagesList(), "unprocessed stages show where it stopped");
        StageLog log = r.getLogs(0);
        assertEquals(StageLogStatus.FAILED, log.getStatus());
        assertEquals("v7", log.getVersion());
        assertFalse(log.hasEnd(), "end is set only on success");
        assertTrue(log.getLog().contains("Simulated processing failure"), log.getLog());
        assertEquals(0, h.messageCount(next));
        h.awaitStatus(id, "IDLE");
        h.stopWorker(id, exit);
    }

    @Test
    void poisonMessageIsParkedWithItsReasonAndTheWorkerStaysHealthy() throws Exception {
        String stage = h.dummyStage("it-poison", "TIME_SCALE=0\n");
        String out = h.queue("it-out");
        String logQueue = h.queue("it-log");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id, "-q", logQueue);
        h.assign(id, stage);
        byte[] poison = {(byte) 0xff, (byte) 0xff, 0x01};
        h.publish(stage, poison);
        GetResponse parked = h.takeParked(id, stage);
        assertEquals(List.of((byte) 0xff, (byte) 0xff, (byte) 0x01),
                List.of(parked.getBody()[0], parked.getBody()[1], parked.getBody()[2]), "raw body kept");
        String reason = String.valueOf(parked.getProps().getHeaders().get(QueueTopology.HEADER_ERROR_REASON));
        assertTrue(reason.contains("not a ProcessingRequest"), reason);

        h.publish(stage, h.request(stage, out).toByteArray());
        assertEquals(StageLogStatus.OK, h.take(out, 1).get(0).getLogs(0).getStatus(), "next request still processed");
        h.awaitStatus(id, "IDLE");
        String line = new String(h.takeRaw(logQueue, 1).get(0).getBody(), StandardCharsets.UTF_8);
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} \\S+ " + id + " WARNING .*"), line);
        h.stopWorker(id, exit);
    }

    @Test
    void unroutableNextStageSendsTheRequestToTheOutputWithTheOriginalsNote() throws Exception {
        String stage = h.dummyStage("it-unroutable", "TIME_SCALE=0\n");
        String missing = TestBroker.uniqueName("it-missing");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);
        h.publish(stage, h.request(stage, missing, out).toByteArray());
        ProcessingRequest r = h.take(out, 1).get(0);
        StageLog log = r.getLogs(0);
        assertEquals(StageLogStatus.FAILED, log.getStatus());
        assertTrue(log.getLog().endsWith("Delivery to queue " + missing + " failed!\n"), log.getLog());
        assertEquals(List.of(missing, out), r.getProcessingStagesList());
        h.stopWorker(id, exit);
    }

    @Test
    void modelArchiveIsDownloadedOnceAndReusedForTheSameVersion() throws Exception {
        Path remote = h.sftp.root().resolve("pero/models/test1.tar.xz");
        Files.createDirectories(remote.getParent());
        try (var archive = WorkerIT.class.getResourceAsStream("/testvectors/model-archive-test1.tar.xz")) {
            Files.copy(archive, remote); // made by the Python original; a copy of shared/testvectors
        }
        String modelStage = h.queue("it-model");
        h.defineStage(modelStage, "[WORKER]\nDUMMY=1\nTIME_SCALE=0\n", "m1", "pero/models/test1.tar.xz");
        String other = h.dummyStage("it-other", "TIME_SCALE=0\n");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, modelStage);
        Path stageDir = h.cacheDir.resolve("pero-worker-" + id).resolve(modelStage);
        Await.until(WorkerHarness.WAIT, () -> modelStage.equals(h.readOrNull(ZkPaths.workerActiveStage(id))),
                "stage " + modelStage + " served");
        assertTrue(Files.isRegularFile(stageDir.resolve("test_document.txt")), "archive extracted");
        assertEquals("m1", Files.readString(stageDir.resolve("version.txt")));
        assertEquals("[WORKER]\nDUMMY=1\nTIME_SCALE=0\n", Files.readString(stageDir.resolve("config.ini")));
        assertFalse(Files.exists(stageDir.resolveSibling(modelStage + ".archive")), "download removed");

        Files.delete(remote);
        h.assign(id, other);
        Await.until(WorkerHarness.WAIT, () -> other.equals(h.readOrNull(ZkPaths.workerActiveStage(id))), "switched away");
        h.assign(id, modelStage);
        Await.until(WorkerHarness.WAIT, () -> modelStage.equals(h.readOrNull(ZkPaths.workerActiveStage(id))),
                "switched back without the archive on SFTP: served from the cache");
        h.awaitStatus(id, "IDLE");
        h.stopWorker(id, exit);
    }

    @Test
    void shutdownFinishesTheMessageInHand() throws Exception {
        String stage = h.dummyStage("it-slow", "TIME_SCALE=0\nTIME_DIFF_MIN=1.5\nTIME_DIFF_MAX=1.5\n");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);
        h.publish(stage, h.request(stage, out).toByteArray());
        h.awaitStatus(id, "PROCESSING");
        h.stopWorker(id, exit);
        assertEquals(1, h.take(out, 1).size(), "the request in hand was published before the worker died");
        assertEquals(0, h.messageCount(stage));
    }

    @Test
    void errorLimitStopsConsumingUntilTheQueueIsRewritten() throws Exception {
        String stage = h.queue("it-limit");
        h.defineStage(stage, "[WORKER]\nFAILTEST=1\n", "v1", "");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id, "--max-errors", "1", "--prefetch", "1");
        h.assign(id, stage);
        h.publish(stage, h.request(stage, out).toByteArray());
        h.publish(stage, h.request(stage, out).toByteArray());
        h.awaitStatus(id, "PROCESSING_FAILED");
        assertEquals(2, h.take(out, 2).size());
        h.publish(stage, h.request(stage, out).toByteArray());
        Await.until(WorkerHarness.WAIT, () -> h.messageCount(stage) == 1, "third request left in the stage queue");

        h.assign(id, stage); // "run again": same stage, same version
        assertEquals(1, h.take(out, 1).size(), "consuming again after manual recovery");
        h.awaitStatus(id, "IDLE"); // one failure after recovery is within the limit
        h.stopWorker(id, exit);
    }

    @Test
    void missingStageQueueIsAConfigurationFailure() throws Exception {
        String stage = TestBroker.uniqueName("it-noqueue");
        h.defineStage(stage, "[WORKER]\nDUMMY=1\n", "v1", "");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);
        h.awaitStatus(id, "CONFIGURATION_FAILED");
        h.stopWorker(id, exit);
    }

    @Test
    void duplicateIdIsRefusedWithoutTouchingTheRunningWorker() throws Exception {
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        int code = WorkerMain.run("-z", h.zooKeeper.connectString(), "-i", id, "--disable-remote-logging",
                "--cache-directory", services.dir().toString());
        // After waiting out the session timeout: a live worker's node does not expire (WorkerRestartIT covers more).
        assertEquals(ExitCodes.ID_IN_USE, code);
        assertEquals("IDLE", h.read(ZkPaths.workerStatus(id)));
        assertTrue(h.exists(ZkPaths.workerConnected(id)));
        h.stopWorker(id, exit);
    }

    @Test
    void workerKeepsProcessingThroughAZooKeeperRestartAndComesBack() throws Exception {
        String stage = h.dummyStage("it-zk", "TIME_SCALE=0\n");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);
        Await.until(WorkerHarness.WAIT, () -> stage.equals(h.readOrNull(ZkPaths.workerActiveStage(id))), "serving");
        h.zooKeeper.stop();
        try {
            h.publish(stage, h.request(stage, out).toByteArray());
            assertEquals(1, h.take(out, 1).size(), "processed while ZooKeeper is down");
        } finally {
            h.zooKeeper.restart();
        }
        Await.until(WorkerHarness.WAIT, () -> h.exists(ZkPaths.workerConnected(id)), "connected node back");
        h.awaitStatus(id, "IDLE");
        h.zk.delete().forPath(ZkPaths.workerConnected(id));
        Await.until(WorkerHarness.WAIT, () -> h.exists(ZkPaths.workerConnected(id)), "connected node re-created");
        h.stopWorker(id, exit);
        assertEquals(0, exit.get(1, TimeUnit.SECONDS));
    }

    @Test
    void lostBrokerConnectionHealsAndTheInterruptedRequestIsProcessedOnce() throws Exception {
        String stage = h.dummyStage("it-mqloss", "TIME_SCALE=0\nTIME_DIFF_MIN=1\nTIME_DIFF_MAX=1\n");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);
        h.publish(stage, h.request(stage, out).toByteArray());
        h.awaitStatus(id, "PROCESSING");
        // The management API lists a new connection only after its next statistics round.
        Await.until(WorkerHarness.WAIT, () -> WorkerHarness.unchecked(
                () -> BrokerConnections.close(h.broker, "pero-worker:" + id + ":consume")), "consume connection closed");
        h.awaitStatus(id, "MQ_CONNECTION_FAILED");
        ProcessingRequest r = h.take(out, 1).get(0);
        assertEquals(StageLogStatus.OK, r.getLogs(0).getStatus());
        h.awaitStatus(id, "IDLE");
        assertEquals(0, h.messageCount(stage), "the redelivered request was acked");
        assertEquals(0, h.messageCount(out), "the request interrupted by the connection loss was not published twice");
        h.stopWorker(id, exit);
    }

    @Test
    void deletedQueueNodeStopsConsumingUntilAStageIsAssignedAgain() throws Exception {
        String stage = h.dummyStage("it-unassign", "TIME_SCALE=0\n");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);
        h.publish(stage, h.request(stage, out).toByteArray());
        assertEquals(1, h.take(out, 1).size());
        h.zk.delete().forPath(ZkPaths.workerQueue(id));
        Await.until(WorkerHarness.WAIT, () -> h.consumerCount(stage) == 0, "worker stopped consuming " + stage);
        h.publish(stage, h.request(stage, out).toByteArray());
        Await.until(WorkerHarness.WAIT, () -> h.messageCount(stage) == 1, "request waits in the stage queue");
        h.awaitStatus(id, "IDLE");
        h.create(ZkPaths.workerQueue(id), stage);
        assertEquals(1, h.take(out, 1).size(), "consuming again once the node names the stage");
        h.stopWorker(id, exit);
    }

    @Test
    void twoWorkersInOneJvmShareAStageAndEachRequestIsProcessedOnce() throws Exception {
        String stage = h.dummyStage("it-pair", "TIME_SCALE=0\n");
        String out = h.queue("it-out");
        String a = WorkerHarness.newId();
        String b = WorkerHarness.newId();
        CompletableFuture<Integer> exitA = h.startWorker(a, "--prefetch", "1");
        CompletableFuture<Integer> exitB = h.startWorker(b, "--prefetch", "1");
        h.assign(a, stage);
        h.assign(b, stage);
        Await.until(WorkerHarness.WAIT, () -> h.consumerCount(stage) == 2, "both workers consuming");
        for (int i = 0; i < 20; i++) {
            h.publish(stage, h.request(stage, out).toByteArray());
        }
        List<ProcessingRequest> done = h.take(out, 20);
        assertEquals(20, done.stream().map(ProcessingRequest::getUuid).distinct().count());
        assertTrue(done.stream().allMatch(r -> r.getLogs(0).getHostId().equals(a) || r.getLogs(0).getHostId().equals(b)));
        h.stopWorker(a, exitA);
        h.stopWorker(b, exitB);
        assertEquals(0, h.messageCount(out), "nothing published twice");
    }
}
