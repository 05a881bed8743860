package io.pero.common.mq.depth;

import java.io.IOException;
import java.util.List;

/**
 * Where queue depths come from: the management API ({@link ManagementApiQueueDepths}), AMQP passive declares
 * ({@link AmqpQueueDepths}), the first with the second as fallback ({@link FallbackQueueDepths}), or the listing of one
 * with the fresh ready counts of the other ({@link FreshQueueDepths}). Shared by the watchdog and the controller.
 */
public interface QueueDepthSource extends AutoCloseable {
    /**
     * Depths of the queues of vhost {@code pero}: at least those of {@code stages} that exist in the broker.
     *
     * @throws io.pero.common.config.ServiceUnavailableException when no server answers
     * @throws IOException when a server answers with something unusable
     */
    List<QueueDepth> read(List<String> stages) throws IOException;

    /** Releases connections; idempotent. */
    @Override
    void close();
}
