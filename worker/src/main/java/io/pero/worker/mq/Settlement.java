package io.pero.worker.mq;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one ack or nack a delivery gets. Settling twice is a bug the broker punishes by closing the channel, so only the
 * first call counts. A delivery tag from before a connection recovery is ignored by the client's recovering channel;
 * the broker redelivers that message anyway.
 */
final class Settlement {
    private final ChannelAcks acks;
    private final long deliveryTag;
    private final Runnable onSettled;
    private final AtomicBoolean settled = new AtomicBoolean();

    Settlement(ChannelAcks acks, long deliveryTag, Runnable onSettled) {
        this.acks = acks;
        this.deliveryTag = deliveryTag;
        this.onSettled = onSettled;
    }

    /** Only once the forward publish is confirmed; the ack itself may go out together with its neighbours'. */
    void ack() {
        if (settled.compareAndSet(false, true)) {
            acks.ack(deliveryTag, onSettled);
        }
    }

    void nack(boolean requeue) {
        if (settled.compareAndSet(false, true)) {
            acks.nack(deliveryTag, requeue, onSettled);
        }
    }

    /** Leaves the delivery unacked (the broker redelivers it when the channel closes) without counting it in flight. */
    void abandon() {
        if (settled.compareAndSet(false, true)) {
            acks.abandon(deliveryTag, onSettled);
        }
    }
}
