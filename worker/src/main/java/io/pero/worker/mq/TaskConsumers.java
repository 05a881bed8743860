package io.pero.worker.mq;

import com.rabbitmq.client.Channel;
import io.pero.common.mq.QueueTopology;
import io.pero.worker.metrics.StatsBatch;
import io.pero.worker.metrics.WorkerMetrics;
import io.pero.worker.processing.RequestProcessor;
import io.pero.worker.runtime.WorkerThreads;
import io.pero.worker.zk.StatusReporter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a {@link TaskConsumer} for a stage on the current AMQP connections. */
public final class TaskConsumers implements ConsumerStarter {
    private static final Logger log = LoggerFactory.getLogger(TaskConsumers.class);

    /** Limits that apply to every stage. */
    public record Limits(int prefetch, int maxErrors, int maxDeliveries, Duration confirmTimeout) {
    }

    /** Collaborators shared by every stage consumer. */
    public record Parts(MqLink link, StatusReporter status, ConsumerEvents events, Consumer<StatsBatch> statsSink,
                        WorkerThreads threads, Executor confirmExecutor, WorkerMetrics metrics, Clock clock) {
    }

    private final Limits limits;
    private final Parts parts;
    private final BiConsumer<String, String> nextStages;

    public TaskConsumers(Limits limits, Parts parts) {
        this(limits, parts, (stage, next) -> { });
    }

    /** @param nextStages where each successfully processed request went next, by stage (the pipeline order) */
    public TaskConsumers(Limits limits, Parts parts, BiConsumer<String, String> nextStages) {
        this.limits = limits;
        this.parts = parts;
        this.nextStages = nextStages;
    }

    @Override
    public StageConsumer start(String stage, String configVersion, RequestProcessor processor) throws IOException {
        MqLink.Links links = parts.link().links()
                .orElseThrow(() -> new MqUnavailableException("not connected to RabbitMQ yet"));
        declareErrorQueue(links);
        String workerId = parts.threads().workerId();
        RouteDispatcher dispatcher = new RouteDispatcher(workerId, links.publisher(), parts.confirmExecutor(),
                limits.confirmTimeout(), parts.metrics());
        TaskHandler handler = new TaskHandler(new TaskHandler.Parts(workerId, stage, configVersion, processor,
                parts.clock(), parts.metrics(), limits.maxDeliveries()), dispatcher, nextStages);
        TaskConsumer consumer = new TaskConsumer(new TaskConsumer.Parts(stage, limits.prefetch(), limits.maxErrors(),
                handler, parts.status(), parts.events(), parts.statsSink(), parts.clock(), parts.confirmExecutor()),
                links.consume().createChannel(), parts.threads());
        consumer.start();
        return consumer;
    }

    /** The error queue must exist before a poison message arrives; declaring is idempotent. */
    private void declareErrorQueue(MqLink.Links links) throws IOException {
        Channel channel = links.publish().createChannel();
        try {
            QueueTopology.declareErrorQueue(channel);
        } catch (IOException e) {
            log.error("error queue not declared queue={} cause={}", QueueTopology.ERROR_QUEUE, e.toString());
        } finally {
            try {
                if (channel.isOpen()) {
                    channel.close();
                }
            } catch (IOException | java.util.concurrent.TimeoutException e) {
                log.debug("channel close failed cause={}", e.toString());
            }
        }
    }
}
