package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.GetResponse;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.QueueTopology;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.proto.ProcessingRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request that kills every worker process that touches it (CRASHTEST halts the JVM, as a native crash would) is
 * parked in pero.errors after max_deliveries processes died on it, although each was a different, fresh process;
 * the requests around it are not lost.
 */
class PoisonAcrossRestartsIT {
    private static final int MAX_DELIVERIES = 3;
    /** {@code CrashTestProcessor.HALT_STATUS}. */
    private static final int HALT_STATUS = 86;

    @RegisterExtension
    static final WorkerHarnessExtension services = new WorkerHarnessExtension();
    private final WorkerHarness h = services.harness();

    private ChildWorker startChild(String id, String stage) throws Exception {
        ChildWorker child = ChildWorker.start(services.dir().resolve("logs/" + id + ".log"), "-z", h.zooKeeper.connectString(),
                "-i", id, "--cache-directory", h.cacheDir.toString(), "--disable-remote-logging",
                "--max-deliveries", String.valueOf(MAX_DELIVERIES), "--shutdown-timeout", "10");
        h.awaitStatus(id, "IDLE");
        h.assign(id, stage);
        return child;
    }

    @Test
    void requestThatCrashesEveryWorkerIsParkedAfterMaxDeliveriesWithItsCount() throws Exception {
        String stage = h.queue("it-crash");
        h.defineStage(stage, "[WORKER]\nCRASHTEST=poison-page\n", "v1", "");
        String next = h.queue("it-next");
        String out = h.queue("it-out");
        ProcessingRequest poison = h.request(stage, next, out).toBuilder().setPageUuid("poison-page").build();
        h.publish(stage, poison.toByteArray());
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ProcessingRequest r = h.request(stage, next, out);
            good.add(r.getUuid());
            h.publish(stage, r.toByteArray());
        }

        for (int crash = 1; crash <= MAX_DELIVERIES; crash++) {
            try (ChildWorker child = startChild(WorkerHarness.newId(), stage)) {
                assertEquals(HALT_STATUS, child.awaitExit(WorkerHarness.WAIT.toSeconds() * 2),
                        "worker process " + crash + " halted on the poison request");
            }
        }

        String survivor = WorkerHarness.newId();
        try (ChildWorker child = startChild(survivor, stage)) {
            GetResponse parked;
            try {
                parked = h.takeParked(survivor, stage);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; survivor log:\n" + child.logText(), e);
            }
            assertArrayEquals(poison.toByteArray(), parked.getBody(), "parked unchanged");
            var headers = parked.getProps().getHeaders();
            assertEquals(String.valueOf(MAX_DELIVERIES), String.valueOf(headers.get(QueueTopology.HEADER_DELIVERIES)));
            assertTrue(String.valueOf(headers.get(QueueTopology.HEADER_ERROR_REASON))
                    .contains("delivered " + MAX_DELIVERIES + " times without being completed"));
            assertEquals(good.stream().sorted().toList(),
                    h.take(next, good.size()).stream().map(ProcessingRequest::getUuid).sorted().toList(),
                    "every other request forwarded");
            assertTrue(child.alive(), "the worker that parked it is healthy");
            h.zk.setData().forPath(ZkPaths.workerEnabled(survivor), ZkCodecs.text("false"));
            assertEquals(ExitCodes.OK, child.awaitExit(WorkerHarness.WAIT.toSeconds()));
        }
        assertEquals(0, h.messageCount(stage), "nothing left behind in the stage queue");
        assertEquals(0, h.messageCount(next), "no request forwarded twice");
    }
}
