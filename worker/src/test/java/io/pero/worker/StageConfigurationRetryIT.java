package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.zk.StageConfigFailures;
import io.pero.common.zk.ZkPaths;
import io.pero.proto.ProcessingRequest;
import io.pero.testing.Await;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A stage whose model archive is missing fails, says why, is counted for the watchdog, and is retried until it works. */
class StageConfigurationRetryIT {
    @RegisterExtension
    static final WorkerHarnessExtension services = new WorkerHarnessExtension();
    private final WorkerHarness h = services.harness();

    @Test
    void failedConfigurationIsReportedCountedAndRetriedWithoutLosingQueuedRequests() throws Exception {
        String stage = h.queue("it-retry");
        String archive = "models/" + stage + ".zip";
        h.defineStage(stage, "[WORKER]\nDUMMY=1\nTIME_SCALE=0\n", "v1", archive);
        String next = h.queue("it-next");
        String out = h.queue("it-out");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ProcessingRequest r = h.request(stage, next, out);
            sent.add(r.getUuid());
            h.publish(stage, r.toByteArray());
        }
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);

        h.awaitStatus(id, "CONFIGURATION_FAILED");
        Await.until(WorkerHarness.WAIT, () -> h.readOrNull(ZkPaths.workerConfigFailure(id)) != null
                && !h.readOrNull(ZkPaths.workerConfigFailure(id)).isEmpty(), "the reason in the worker's config_failure node");
        String reason = h.read(ZkPaths.workerConfigFailure(id));
        assertTrue(reason.startsWith(stage + "\nv1\n"), reason);
        assertTrue(reason.contains(archive) && reason.contains("no such file"), reason);
        StageConfigFailures counted = StageConfigFailures.parse(h.zk.getData().forPath(ZkPaths.stageConfigFailures(stage)))
                .orElseThrow();
        assertEquals("v1", counted.version());
        assertTrue(counted.count() >= 1, counted.toString());
        assertEquals(3, h.messageCount(stage), "queued requests wait in the stage queue");

        // The operator uploads the missing archive; the worker's next retry (10 s after the first failure) serves.
        Path file = h.sftp.root().resolve(archive);
        Files.createDirectories(file.getParent());
        try (OutputStream o = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(o)) {
            zip.putNextEntry(new ZipEntry("model.txt"));
            zip.write("weights".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        List<ProcessingRequest> forwarded = WorkerHarness.takeWithin(h, next, 3, Duration.ofSeconds(45));
        assertEquals(sent.stream().sorted().toList(), forwarded.stream().map(ProcessingRequest::getUuid).sorted().toList());
        Await.until(WorkerHarness.WAIT, () -> "".equals(h.readOrNull(ZkPaths.workerConfigFailure(id))),
                "config_failure cleared after the successful retry");
        assertFalse(h.exists(ZkPaths.stageConfigFailures(stage)), "the stage's failure count is gone once it configures");
        h.stopWorker(id, exit);
    }

    @Test
    void anArchiveMissingAModelFileTheConfigNamesFailsNamingTheFileAndKeepsTheQueue() throws Exception {
        String stage = h.queue("it-missing-model");
        String archive = "models/" + stage + ".zip";
        // The config names models/det.onnx; the archive carries a different file.
        h.defineStage(stage, "[DETECTION]\nMODEL = models/det.onnx\n[DEVICE]\nDEVICE = cpu\n", "v1", archive);
        Path file = h.sftp.root().resolve(archive);
        Files.createDirectories(file.getParent());
        try (OutputStream o = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(o)) {
            zip.putNextEntry(new ZipEntry("models/rec.onnx"));
            zip.write("not the detector".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String out = h.queue("it-missing-out");
        for (int i = 0; i < 2; i++) {
            h.publish(stage, h.request(stage, out).toByteArray());
        }
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);

        h.awaitStatus(id, "CONFIGURATION_FAILED");
        Await.until(WorkerHarness.WAIT, () -> h.readOrNull(ZkPaths.workerConfigFailure(id)) != null
                && !h.readOrNull(ZkPaths.workerConfigFailure(id)).isEmpty(), "the reason in the worker's config_failure node");
        String reason = h.read(ZkPaths.workerConfigFailure(id));
        assertTrue(reason.startsWith(stage + "\nv1\n"), reason);
        assertTrue(reason.contains("[DETECTION] MODEL=models/det.onnx") && reason.contains("det.onnx does not exist"), reason);
        assertTrue(reason.contains("the stage's model archive) has no models/det.onnx"), reason);
        assertEquals(2, h.messageCount(stage), "queued requests wait in the stage queue");
        assertEquals(0, h.messageCount(out), "nothing was processed with a half-installed stage");

        // The worker is healthy: given a stage that configures, it serves it.
        String dummy = h.dummyStage("it-after-missing", "TIME_SCALE=0\n");
        String next = h.queue("it-after-next");
        ProcessingRequest r = h.request(dummy, next, out);
        h.publish(dummy, r.toByteArray());
        h.assign(id, dummy);
        assertEquals(r.getUuid(), WorkerHarness.takeWithin(h, next, 1, Duration.ofSeconds(30)).get(0).getUuid());
        assertEquals(2, h.messageCount(stage), "the failed stage's requests are still queued");
        h.stopWorker(id, exit);
    }
}
