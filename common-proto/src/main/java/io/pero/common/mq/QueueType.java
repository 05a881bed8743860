package io.pero.common.mq;

import java.util.Locale;

/**
 * The RabbitMQ queue type of a stage queue. {@link #CLASSIC} is the original's and the default. {@link #QUORUM}
 * (extension) is replicated across a RabbitMQ cluster and bounds poison messages in the broker too
 * ({@code x-delivery-limit}, dead-lettered to {@code pero.errors}); it has no message priorities before RabbitMQ 4.0, and
 * from 4.0 only two (0-4 normal, 5+ high), so the original's priorities 0 and 1 are both "normal" there.
 */
public enum QueueType {
    CLASSIC, QUORUM;

    /** The {@code --queue-type} value: {@code classic} or {@code quorum}, any case. */
    public static QueueType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("queue type must be classic or quorum, not '" + text + "'");
        }
    }
}
