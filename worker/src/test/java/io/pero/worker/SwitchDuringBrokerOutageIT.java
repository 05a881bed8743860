package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.proto.ProcessingRequest;
import io.pero.testing.Await;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Found by the fault-injection suite: a worker moved to another stage while its broker connection was down (a broker
 * restart) stopped consuming the old stage, but connection recovery brought the old consumer back, with nobody reading
 * it: it held a prefetch of the old stage's requests unacknowledged for as long as the worker ran.
 */
class SwitchDuringBrokerOutageIT {
    @RegisterExtension
    static final WorkerHarnessExtension services = new WorkerHarnessExtension();
    private final WorkerHarness h = services.harness();

    @Test
    void stageLeftWhileTheConnectionIsDownGetsNoConsumerBackAfterRecovery() throws Exception {
        String first = h.dummyStage("it-outage-a", "TIME_SCALE=0\n");
        String second = h.dummyStage("it-outage-b", "TIME_SCALE=0\n");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, first);
        h.publish(first, h.request(first, out).toByteArray());
        assertEquals(1, h.take(out, 1).size(), "serving the first stage");

        // The management API lists a new connection only after its next statistics round.
        Await.until(WorkerHarness.WAIT, () -> WorkerHarness.unchecked(
                () -> BrokerConnections.close(h.broker, "pero-worker:" + id + ":consume")), "consume connection closed");
        h.awaitStatus(id, "MQ_CONNECTION_FAILED");
        // Recovery waits 5 s before it reconnects; the switch happens meanwhile.
        h.assign(id, second);
        ProcessingRequest r = h.request(second, out);
        h.publish(second, r.toByteArray());
        List<ProcessingRequest> got = h.take(out, 1);
        assertEquals(r.getUuid(), got.get(0).getUuid(), "serving the second stage after recovery");

        assertEquals(0, h.consumerCount(first), "no consumer of the stage the worker left");
        h.publish(first, h.request(first, out).toByteArray());
        Await.until(WorkerHarness.WAIT, () -> h.messageCount(first) == 1, "a request to the left stage waits there, ready");
        assertEquals(0, h.consumerCount(first), "still no consumer of the left stage");
        h.stopWorker(id, exit);
    }
}
