package io.pero.common.mq.depth;

import java.util.Objects;

/**
 * Messages in one broker queue of vhost {@code pero}, as a {@link QueueDepthSource} read them.
 *
 * @param messages ready plus unacknowledged (the unacknowledged part from the management API, which lags a few seconds;
 *                 0 when only AMQP answered)
 * @param ready    messages waiting in the queue, fresh from an AMQP passive declare where it was read
 */
public record QueueDepth(String name, long messages, long ready) {
    public QueueDepth {
        Objects.requireNonNull(name, "name");
        if (messages < 0 || ready < 0) {
            throw new IllegalArgumentException("negative message count for queue " + name);
        }
    }

    /** A depth known only as a total: all of it counts as ready. */
    public QueueDepth(String name, long messages) {
        this(name, messages, messages);
    }

    /** Messages workers hold (prefetched or in hand), not yet acknowledged. */
    public long unacknowledged() {
        return Math.max(0, messages - ready);
    }
}
