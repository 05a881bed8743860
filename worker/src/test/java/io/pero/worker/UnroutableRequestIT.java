package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.GetResponse;
import io.pero.common.mq.QueueTopology;
import io.pero.common.status.StageLogStatus;
import io.pero.proto.ProcessingRequest;
import io.pero.testing.TestBroker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad-input rows "empty stage list" and "missing output queue": the request is parked in {@code pero.errors} with a
 * reason that says which, nothing else is lost, and the worker goes on serving its stage.
 */
class UnroutableRequestIT {
    @RegisterExtension
    static final WorkerHarnessExtension services = new WorkerHarnessExtension();
    private final WorkerHarness h = services.harness();

    @Test
    void requestsWithoutStagesOrWithAMissingOutputQueueAreParkedWithTheirReasonAndTheWorkerGoesOn() throws Exception {
        TestBroker.get().assumeRabbitMq("an unroutable publish is returned, then acked; Qpid nacks it first");
        String stage = h.dummyStage("it-badroute", "TIME_SCALE=0\n");
        String out = h.queue("it-badroute-out");
        String missingOut = TestBroker.uniqueName("it-missing-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);

        ProcessingRequest noStages = h.request();
        h.publish(stage, noStages.toByteArray());
        GetResponse parked = h.takeParked(id, stage);
        assertEquals(noStages.getUuid(), ProcessingRequest.parseFrom(parked.getBody()).getUuid(), "the request is kept");
        assertEquals("request " + noStages.getUuid() + " has no processing stages",
                String.valueOf(parked.getProps().getHeaders().get(QueueTopology.HEADER_ERROR_REASON)));

        ProcessingRequest toMissingOutput = h.request(stage, missingOut);
        h.publish(stage, toMissingOutput.toByteArray());
        parked = h.takeParked(id, stage);
        ProcessingRequest kept = ProcessingRequest.parseFrom(parked.getBody());
        assertEquals(toMissingOutput.getUuid(), kept.getUuid(), "the request is kept");
        assertEquals(StageLogStatus.OK, kept.getLogs(0).getStatus(), "with the stage's work done");
        assertEquals("output queue " + missingOut + " does not exist",
                String.valueOf(parked.getProps().getHeaders().get(QueueTopology.HEADER_ERROR_REASON)));

        ProcessingRequest good = h.request(stage, out);
        h.publish(stage, good.toByteArray());
        assertEquals(List.of(good.getUuid()), h.take(out, 1).stream().map(ProcessingRequest::getUuid).toList(),
                "the next request is still processed");
        assertEquals(0, h.messageCount(stage));
        h.awaitStatus(id, "IDLE");
        h.stopWorker(id, exit);
    }
}
