package io.pero.common.mq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;

/**
 * Every queue the system declares, with the original's arguments (spec §5). Only this class declares queues.
 * Stage, output and log queues: durable, {@code x-max-priority=1}, classic, in vhost {@code pero}.
 */
public final class QueueTopology {
    public static final String VHOST = "pero";
    public static final String DEFAULT_LOG_QUEUE = "log";
    /**
     * Extension: where the worker parks messages it can never process (bodies that are not a
     * {@code ProcessingRequest}), with the reason in header {@link #HEADER_ERROR_REASON}. The original requeues them forever.
     */
    public static final String ERROR_QUEUE = "pero.errors";
    public static final String HEADER_ERROR_REASON = "x-pero-error-reason";
    public static final String HEADER_ERROR_QUEUE = "x-pero-original-queue";
    public static final String HEADER_ERROR_WORKER = "x-pero-worker-id";
    /**
     * Deliveries of a task message that ended without completing it (worker crash, connection loss, requeue), carried
     * in the message so the poison bound holds across worker restarts and across workers. Additive: peers that do not
     * know it ignore it.
     */
    public static final String HEADER_DELIVERIES = "x-pero-deliveries";

    public static final Map<String, Object> STAGE_QUEUE_ARGUMENTS = Map.of(
            "x-max-priority", 1,
            "x-queue-type", "classic");

    /**
     * What a classic stage queue is declared with on Apache Qpid Broker-J (local mode's embedded broker):
     * {@link #STAGE_QUEUE_ARGUMENTS} plus {@code x-qpid-priorities: 10}, so Qpid keeps priorities 0 and 1 in separate
     * bands as RabbitMQ does with {@code x-max-priority: 1} (Qpid ignores {@code x-max-priority}; with fewer than 10
     * levels it puts 0 and 1 in one band). On RabbitMQ the original's arguments are used unchanged, so queues look the
     * same whichever implementation declared them (RabbitMQ 3.10.8 would also accept the extra argument in either
     * order of declaration, but the management API would show it).
     */
    public static final Map<String, Object> CLASSIC_STAGE_QUEUE_DECLARE_ARGUMENTS = Map.of(
            "x-max-priority", 1,
            "x-queue-type", "classic",
            "x-qpid-priorities", 10);

    /**
     * Extension, quorum stage queues: the broker's own delivery bound. Above the worker's default {@code max_deliveries}
     * (5, counted in {@code x-pero-deliveries}), so the worker parks first, with its reason; the broker's limit is the
     * backstop for consumers that do not count, and dead-letters to the error queue instead of dropping.
     */
    public static final int QUORUM_DELIVERY_LIMIT = 10;

    public static final Map<String, Object> QUORUM_STAGE_QUEUE_ARGUMENTS = Map.of(
            "x-queue-type", "quorum",
            "x-delivery-limit", QUORUM_DELIVERY_LIMIT,
            "x-dead-letter-exchange", "",
            "x-dead-letter-routing-key", ERROR_QUEUE);

    private QueueTopology() {
    }

    /**
     * Declares (idempotently) a stage queue of {@code type}: {@link QueueType#CLASSIC} as the original does, or a quorum
     * queue (extension, see {@link QueueType}). Re-declaring an existing queue with the other type fails with the
     * broker's PRECONDITION_FAILED: a queue's type cannot change (delete and declare it again, after draining it).
     */
    public static AMQP.Queue.DeclareOk declareStageQueue(Channel channel, String name, QueueType type) throws IOException {
        return channel.queueDeclare(name, true, false, false,
                type == QueueType.QUORUM ? QUORUM_STAGE_QUEUE_ARGUMENTS : classicArguments(channel));
    }

    /** Declares (idempotently) a stage, output or log queue exactly as {@code stage_config_manager.py -n} does. */
    public static AMQP.Queue.DeclareOk declareStageQueue(Channel channel, String name) throws IOException {
        return channel.queueDeclare(name, true, false, false, classicArguments(channel));
    }

    private static Map<String, Object> classicArguments(Channel channel) {
        return BrokerProduct.isQpid(channel) ? CLASSIC_STAGE_QUEUE_DECLARE_ARGUMENTS : STAGE_QUEUE_ARGUMENTS;
    }

    /** Declares the error queue; the same arguments so tools treat it like any other queue. */
    public static AMQP.Queue.DeclareOk declareErrorQueue(Channel channel) throws IOException {
        return declareStageQueue(channel, ERROR_QUEUE);
    }

    /** Deletes a queue unconditionally, as {@code stage_config_manager.py -d} does. */
    public static void deleteQueue(Channel channel, String name) throws IOException {
        channel.queueDelete(name);
    }

    /** Properties for every task publish: persistent, with the request's priority (spec §5). */
    public static AMQP.BasicProperties taskProperties(int priority) {
        return new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .priority(priority)
                .contentType("application/x-protobuf")
                .build();
    }
}
