package io.pero.worker.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.status.StageLogStatus;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The routing table of spec §6.7, row by row, plus the fixed bugs (§12 items 2 and 3). */
class RouterTest {

    private static ProcessingRequest request(String... stages) {
        return ProcessingRequest.newBuilder().setUuid("u1").setPriority(1).addAllProcessingStages(List.of(stages))
                .addLogs(StageLog.newBuilder().setStage(stages.length > 0 ? stages[0] : "").setStatus(StageLogStatus.OK)
                        .setLog("line\n"))
                .build();
    }

    static Stream<Arguments> table() {
        Outcome ok = new Outcome.Processed();
        Outcome failed = new Outcome.ProcessingFailed("boom");
        return Stream.of(
                Arguments.of("success goes to the next stage", request("ocr", "lm", "out"), ok,
                        Route.Forward.class, "lm", List.of("lm", "out")),
                Arguments.of("success before the output goes to the output", request("ocr", "out"), ok,
                        Route.Forward.class, "out", List.of("out")),
                Arguments.of("failure goes to the output, remaining stages kept", request("ocr", "lm", "out"), failed,
                        Route.ToOutput.class, "out", List.of("lm", "out")),
                Arguments.of("failure before the output goes to the output", request("ocr", "out"), failed,
                        Route.ToOutput.class, "out", List.of("out")),
                Arguments.of("success without output stage is parked", request("ocr"), ok,
                        Route.ToErrorQueue.class, null, List.of("ocr")),
                Arguments.of("failure without output stage is parked", request("ocr"), failed,
                        Route.ToErrorQueue.class, null, List.of("ocr")),
                Arguments.of("no stages at all is parked", request(), ok, Route.ToErrorQueue.class, null, List.of()),
                Arguments.of("unroutable next stage goes to the output", request("lm", "out"),
                        new Outcome.Unroutable("lm"), Route.ToOutput.class, "out", List.of("lm", "out")),
                Arguments.of("unroutable output is parked, not requeued", request("out"),
                        new Outcome.Unroutable("out"), Route.ToErrorQueue.class, null, List.of("out")),
                Arguments.of("too many deliveries is parked", request("ocr", "out"),
                        new Outcome.TooManyDeliveries(6), Route.ToErrorQueue.class, null, List.of("ocr", "out")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void routesAsSpecified(String name, ProcessingRequest request, Outcome outcome, Class<? extends Route> expected,
                           String queue, List<String> stagesSent) {
        Route route = Router.route(request, outcome);
        assertInstanceOf(expected, route, name);
        ProcessingRequest sent;
        if (route instanceof Route.Forward f) {
            assertEquals(queue, f.queue());
            sent = f.message();
        } else if (route instanceof Route.ToOutput o) {
            assertEquals(queue, o.queue());
            sent = o.message();
        } else {
            sent = ((Route.ToErrorQueue) route).message().orElseThrow();
        }
        assertEquals(stagesSent, sent.getProcessingStagesList());
        assertEquals(request.getLogsList().size(), sent.getLogsCount(), "logs kept");
    }

    @Test
    void unroutableNextStageAddsTheOriginalsNoteAndFailsTheLog() {
        Route route = Router.route(request("lm", "out"), new Outcome.Unroutable("lm"));
        StageLog log = ((Route.ToOutput) route).message().getLogs(0);
        assertEquals("line\nDelivery to queue lm failed!\n", log.getLog());
        assertEquals(StageLogStatus.FAILED, log.getStatus());
    }

    @Test
    void unparseableBodyIsParkedWithoutARequest() {
        Route route = Router.route(null, new Outcome.Unparseable("bad body"));
        Route.ToErrorQueue park = assertInstanceOf(Route.ToErrorQueue.class, route);
        assertEquals(Optional.empty(), park.message());
        assertEquals("bad body", park.reason());
    }

    @Test
    void unconfirmedPublishIsRequeued() {
        Route route = Router.route(request("ocr", "out"), new Outcome.NotConfirmed("nack"));
        assertInstanceOf(Route.Requeue.class, route);
    }

    @Test
    void parkingReasonNamesTheMissingOutputStage() {
        Route route = Router.route(request("ocr"), new Outcome.Processed());
        assertTrue(route.reason().contains("no output stage"), route.reason());
    }
}
