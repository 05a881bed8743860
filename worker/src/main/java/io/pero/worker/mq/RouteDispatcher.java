package io.pero.worker.mq;

import com.rabbitmq.client.AMQP;
import io.pero.common.mq.ConfirmingPublisher;
import io.pero.common.mq.PublishOutcome;
import io.pero.common.mq.QueueTopology;
import io.pero.proto.ProcessingRequest;
import io.pero.worker.metrics.WorkerMetrics;
import io.pero.worker.routing.DeliveryCount;
import io.pero.worker.routing.Outcome;
import io.pero.worker.routing.Route;
import io.pero.worker.routing.Router;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link Route}: publishes with {@code mandatory=true} and confirms, follows the broker's verdict (an
 * unroutable publish is routed again, spec §6.7) and settles the original delivery only once the last publish is
 * confirmed. Verdicts are handled on {@code confirmExecutor}, never on the client's I/O threads.
 */
final class RouteDispatcher {
    private static final Logger log = LoggerFactory.getLogger(RouteDispatcher.class);

    /** The delivery being routed: its body and properties as received and how to settle it. */
    record Delivery(String stage, byte[] body, boolean redelivered, int amqpPriority, Settlement settlement,
                    AMQP.BasicProperties properties) {
        Map<String, Object> headers() {
            return properties == null ? null : properties.getHeaders();
        }
    }

    private final String workerId;
    private final ConfirmingPublisher publisher;
    private final Executor confirmExecutor;
    private final Duration confirmTimeout;
    private final WorkerMetrics metrics;

    RouteDispatcher(String workerId, ConfirmingPublisher publisher, Executor confirmExecutor, Duration confirmTimeout,
                    WorkerMetrics metrics) {
        this.workerId = workerId;
        this.publisher = publisher;
        this.confirmExecutor = confirmExecutor;
        this.confirmTimeout = confirmTimeout;
        this.metrics = metrics;
    }

    void dispatch(Route route, Delivery delivery) {
        if (route instanceof Route.Forward f) {
            publishTask(f.queue(), f.message(), delivery);
        } else if (route instanceof Route.ToOutput o) {
            log.debug("request to output queue={} reason={}", o.queue(), o.reason());
            publishTask(o.queue(), o.message(), delivery);
        } else if (route instanceof Route.ToErrorQueue e) {
            park(e, delivery);
        } else if (route instanceof Route.Recount r) {
            recount(r, delivery);
        } else if (route instanceof Route.Requeue r) {
            log.warn("message requeued stage={} reason={}", delivery.stage(), r.reason());
            delivery.settlement().nack(true);
        }
    }

    private void publishTask(String queue, ProcessingRequest message, Delivery delivery) {
        AMQP.BasicProperties props = QueueTopology.taskProperties(amqpPriority(message.getPriority()));
        publish(queue, props, message.toByteArray()).whenCompleteAsync((outcome, error) -> {
            if (error == null && outcome == PublishOutcome.CONFIRMED) {
                delivery.settlement().ack();
            } else if (error == null && outcome == PublishOutcome.UNROUTABLE) {
                log.warn("request undeliverable uuid={} queue={}: no such queue", message.getUuid(), queue);
                dispatch(Router.route(message, new Outcome.Unroutable(queue)), delivery);
            } else {
                String reason = error != null ? "publish to " + queue + " not confirmed: " + error
                        : "publish to " + queue + " " + outcome;
                dispatch(Router.route(message, new Outcome.NotConfirmed(reason)), delivery);
            }
        }, confirmExecutor);
    }

    private void park(Route.ToErrorQueue route, Delivery delivery) {
        byte[] body = route.message().map(ProcessingRequest::toByteArray).orElse(delivery.body());
        Map<String, Object> headers = new HashMap<>();
        headers.put(QueueTopology.HEADER_ERROR_REASON, route.reason());
        headers.put(QueueTopology.HEADER_ERROR_QUEUE, delivery.stage());
        headers.put(QueueTopology.HEADER_ERROR_WORKER, workerId);
        headers.put(QueueTopology.HEADER_DELIVERIES, DeliveryCount.ended(delivery.headers(), QueueTopology.HEADER_DELIVERIES,
                delivery.redelivered()));
        int priority = route.message().map(m -> amqpPriority(m.getPriority())).orElse(delivery.amqpPriority());
        AMQP.BasicProperties props = QueueTopology.taskProperties(priority).builder().headers(headers).build();
        publish(QueueTopology.ERROR_QUEUE, props, body).whenCompleteAsync((outcome, error) -> {
            if (error == null && outcome == PublishOutcome.CONFIRMED) {
                metrics.parked(delivery.stage());
                log.warn("message parked in error queue queue={} stage={} reason={}", QueueTopology.ERROR_QUEUE,
                        delivery.stage(), route.reason());
                delivery.settlement().ack();
            } else {
                // Bounded: a second failure drops the message rather than cycling it through the stage queue forever.
                boolean requeue = !delivery.redelivered();
                log.error("error queue publish failed queue={} stage={} reason={} outcome={} requeue={}",
                        QueueTopology.ERROR_QUEUE, delivery.stage(), route.reason(), error != null ? error : outcome, requeue);
                delivery.settlement().nack(requeue);
            }
        }, confirmExecutor);
    }

    /** The delivery goes back to its queue as it came, with the raised count; the original is acked once that is safe. */
    private void recount(Route.Recount route, Delivery delivery) {
        Map<String, Object> headers = delivery.headers() == null ? new HashMap<>() : new HashMap<>(delivery.headers());
        headers.put(QueueTopology.HEADER_DELIVERIES, route.deliveries());
        AMQP.BasicProperties original = delivery.properties() != null ? delivery.properties()
                : QueueTopology.taskProperties(delivery.amqpPriority());
        AMQP.BasicProperties props = original.builder().headers(headers).build();
        publish(delivery.stage(), props, delivery.body()).whenCompleteAsync((outcome, error) -> {
            if (error == null && outcome == PublishOutcome.CONFIRMED) {
                log.warn("message queued again with its delivery count stage={} deliveries={} reason={}",
                        delivery.stage(), route.deliveries(), route.reason());
                delivery.settlement().ack();
            } else {
                // Not copied: the broker keeps the original and redelivers it, and it is counted then.
                log.warn("recount publish failed stage={} outcome={}; message requeued", delivery.stage(),
                        error != null ? error : outcome);
                delivery.settlement().nack(true);
            }
        }, confirmExecutor);
    }

    private CompletableFuture<PublishOutcome> publish(String queue, AMQP.BasicProperties props, byte[] body) {
        try {
            return publisher.publish(queue, props, body).orTimeout(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** AMQP priorities are one octet; queues are declared with {@code x-max-priority: 1}, so anything above is 1 anyway. */
    static int amqpPriority(int requestPriority) {
        return Math.max(0, Math.min(255, requestPriority));
    }
}
