package io.pero.worker.mq;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.pero.common.mq.QueueTopology;
import io.pero.common.status.StageLogStatus;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import io.pero.worker.metrics.WorkerMetrics;
import io.pero.worker.processing.RequestProcessor;
import io.pero.worker.processing.BadRequestException;
import io.pero.worker.processing.StageLogger;
import io.pero.worker.routing.DeliveryCount;
import io.pero.worker.routing.Outcome;
import io.pero.worker.routing.Route;
import io.pero.worker.routing.Router;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One message at the worker (spec §2 "At a worker", §6.6): parse, append the stage's {@code StageLog}, run the processor,
 * route the result. Runs on the stage's processing thread; publishing and settling continue asynchronously.
 */
final class TaskHandler {
    private static final Logger log = LoggerFactory.getLogger(TaskHandler.class);
    /** Processing lines go to this logger, so they can be told apart from the worker's own lines. */
    private static final Logger processingLog = LoggerFactory.getLogger("io.pero.worker.processing.request");

    /** What processing one message amounted to, for the error limit and the statistics. */
    record Result(Kind kind, OptionalDouble seconds) {
        enum Kind { PROCESSED, FAILED, REJECTED, PARKED, SKIPPED }

        static Result of(Kind kind) {
            return new Result(kind, OptionalDouble.empty());
        }
    }

    /** What the handler needs for one stage. */
    record Parts(String workerId, String stage, String configVersion, RequestProcessor processor, Clock clock,
                 WorkerMetrics metrics, int maxDeliveries) {
    }

    private final Parts parts;
    private final RouteDispatcher dispatcher;
    private final BiConsumer<String, String> nextStages;
    private final ProcessingSummary summary;

    TaskHandler(Parts parts, RouteDispatcher dispatcher) {
        this(parts, dispatcher, (stage, next) -> { });
    }

    /** @param nextStages told, for every request processed successfully, its stage and where it goes next */
    TaskHandler(Parts parts, RouteDispatcher dispatcher, BiConsumer<String, String> nextStages) {
        this.parts = parts;
        this.dispatcher = dispatcher;
        this.nextStages = nextStages;
        this.summary = new ProcessingSummary(parts.stage(), System::nanoTime);
    }

    /** Gives a delivery back to its queue unprocessed, with its delivery count as it stands (not raised). */
    void release(RouteDispatcher.Delivery delivery) {
        int ended = DeliveryCount.ended(delivery.headers(), QueueTopology.HEADER_DELIVERIES, delivery.redelivered());
        dispatcher.dispatch(new Route.Recount(ended, "released unprocessed while a suspect message is processed alone"),
                delivery);
    }

    /** {@code stillValid} turns false when the delivery went stale (connection recovered, consumer stopped). */
    Result handle(RouteDispatcher.Delivery delivery, BooleanSupplier stillValid) {
        // Counted before parsing: whatever killed the process last time may be in the parser too.
        DeliveryCount.Decision count = DeliveryCount.decide(delivery.headers(), QueueTopology.HEADER_DELIVERIES,
                delivery.redelivered(), parts.maxDeliveries());
        if (count instanceof DeliveryCount.Park park) {
            dispatcher.dispatch(Router.route(null, new Outcome.TooManyDeliveries(park.deliveries())), delivery);
            return Result.of(Result.Kind.PARKED);
        }
        if (count instanceof DeliveryCount.Recount recount) {
            dispatcher.dispatch(Router.route(null, new Outcome.Redelivered(recount.deliveries())), delivery);
            return Result.of(Result.Kind.SKIPPED);
        }
        ProcessingRequest request;
        try {
            request = ProcessingRequest.parseFrom(delivery.body());
        } catch (InvalidProtocolBufferException e) {
            // Differs from the original: a poison body was requeued forever (spec §12 item 3); it is parked instead.
            dispatcher.dispatch(Router.route(null, new Outcome.Unparseable(
                    "body is not a ProcessingRequest: " + e.getMessage())), delivery);
            return Result.of(Result.Kind.PARKED);
        }
        if (request.getProcessingStagesCount() == 0) {
            dispatcher.dispatch(Router.route(request, new Outcome.Unparseable(
                    "request " + request.getUuid() + " has no processing stages")), delivery);
            return Result.of(Result.Kind.PARKED);
        }
        MDC.put("request_id", request.getUuid());
        parts.metrics().processingStarted();
        try {
            return process(request, delivery, stillValid);
        } finally {
            parts.metrics().processingEnded();
            MDC.remove("request_id");
        }
    }

    private Result process(ProcessingRequest request, RouteDispatcher.Delivery delivery, BooleanSupplier stillValid) {
        ProcessingRequest.Builder builder = request.toBuilder();
        StageLog.Builder stageLog = StageLog.newBuilder()
                .setHostId(parts.workerId())
                .setStage(request.getProcessingStages(0))
                .setStatus(StageLogStatus.FAILED)
                .setVersion(parts.configVersion())
                .setStart(timestamp(parts.clock().instant()));
        StageLogger stageLogger = new StageLogger(processingLog);
        long t0 = System.nanoTime();
        Outcome outcome;
        boolean badRequest = false;
        try {
            parts.processor().process(builder, stageLogger);
            outcome = new Outcome.Processed();
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            badRequest = e instanceof BadRequestException;
            stageLogger.error("Processing failed: {}", badRequest ? e.getMessage() : e.toString());
            outcome = new Outcome.ProcessingFailed(badRequest ? e.getMessage() : e.toString());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        stageLog.setLog(stageLogger.text());
        if (outcome instanceof Outcome.Processed) {
            stageLog.setStatus(StageLogStatus.OK).setEnd(timestamp(parts.clock().instant()));
        }
        builder.addLogs(stageLog);
        if (!stillValid.getAsBoolean()) {
            log.info("result not published uuid={} reason=delivery went stale (connection recovered or consumer stopped); "
                    + "the broker redelivers it", request.getUuid());
            delivery.settlement().abandon();
            return Result.of(Result.Kind.SKIPPED);
        }
        Route route = Router.route(builder.build(), outcome);
        dispatcher.dispatch(route, delivery);
        summary.count(outcome instanceof Outcome.Processed).ifPresent(log::info);
        if (outcome instanceof Outcome.Processed) {
            if (route instanceof Route.Forward forward) {
                nextStages.accept(parts.stage(), forward.queue());
            }
            parts.metrics().processed(parts.stage(), seconds);
            log.debug("request processed uuid={} seconds={} route={}", request.getUuid(), seconds, route.reason());
            return new Result(Result.Kind.PROCESSED, OptionalDouble.of(seconds));
        }
        parts.metrics().failed(parts.stage(), seconds);
        log.debug("request processing failed uuid={} stage={} cause={}", request.getUuid(), parts.stage(),
                ((Outcome.ProcessingFailed) outcome).reason());
        // A request that can never succeed (corrupt image, no image) says nothing about this worker's health.
        return Result.of(badRequest ? Result.Kind.REJECTED : Result.Kind.FAILED);
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }
}
