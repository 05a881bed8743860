package io.pero.worker.routing;

import io.pero.common.status.StageLogStatus;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import java.util.List;
import java.util.Optional;

/**
 * The routing rules of spec §2 and §6.7 as one pure function. Requests for {@link Outcome.Processed} and
 * {@link Outcome.ProcessingFailed} still list the current stage first (its StageLog already appended); for
 * {@link Outcome.Unroutable} the request is the one that was published (stage already removed).
 */
public final class Router {
    private Router() {
    }

    public static Route route(ProcessingRequest request, Outcome outcome) {
        if (outcome instanceof Outcome.Unparseable u) {
            return new Route.ToErrorQueue(Optional.empty(), u.reason());
        }
        if (outcome instanceof Outcome.NotConfirmed n) {
            return new Route.Requeue(n.reason());
        }
        if (outcome instanceof Outcome.TooManyDeliveries t) {
            return new Route.ToErrorQueue(Optional.ofNullable(request), "delivered " + t.deliveries()
                    + " times without being completed");
        }
        if (outcome instanceof Outcome.Redelivered r) {
            return new Route.Recount(r.deliveries(), "redelivered after " + r.deliveries()
                    + " unfinished deliveries; counted in the message and queued again");
        }
        if (outcome instanceof Outcome.Unroutable u) {
            return afterUnroutable(request, u.queue());
        }
        return afterProcessing(request, outcome instanceof Outcome.ProcessingFailed f ? f.reason() : null);
    }

    private static Route afterProcessing(ProcessingRequest request, String failure) {
        List<String> stages = request.getProcessingStagesList();
        if (stages.isEmpty()) {
            return new Route.ToErrorQueue(Optional.of(request), "request has no processing stages");
        }
        // Differs from the original: a request without an output stage crashed the worker after being acked and dropped
        // (spec §12 item 2); it is parked in the error queue instead.
        if (stages.size() == 1) {
            return new Route.ToErrorQueue(Optional.of(request), "request has no output stage after stage " + stages.get(0));
        }
        ProcessingRequest next = request.toBuilder().clearProcessingStages()
                .addAllProcessingStages(stages.subList(1, stages.size())).build();
        if (failure == null) {
            return new Route.Forward(next.getProcessingStages(0), next, "processed");
        }
        return new Route.ToOutput(lastStage(next), next, "processing failed: " + failure);
    }

    private static Route afterUnroutable(ProcessingRequest published, String queue) {
        String output = published.getProcessingStagesCount() == 0 ? queue : lastStage(published);
        // Differs from the original: an unroutable output queue was nacked and requeued forever; it goes to the error queue.
        if (output.equals(queue)) {
            return new Route.ToErrorQueue(Optional.of(published), "output queue " + queue + " does not exist");
        }
        ProcessingRequest.Builder b = published.toBuilder();
        if (b.getLogsCount() > 0) {
            int last = b.getLogsCount() - 1;
            StageLog log = b.getLogs(last);
            b.setLogs(last, log.toBuilder().setLog(log.getLog() + "Delivery to queue " + queue + " failed!\n")
                    .setStatus(StageLogStatus.FAILED));
        }
        return new Route.ToOutput(output, b.build(), "next queue " + queue + " does not exist");
    }

    private static String lastStage(ProcessingRequest request) {
        return request.getProcessingStages(request.getProcessingStagesCount() - 1);
    }
}
