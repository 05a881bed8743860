package io.pero.worker.mq;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ack or nack a delivery gets. Settling twice is a bug the broker punishes by closing the channel, so only the
 * first call counts. A delivery tag from before a connection recovery is ignored by the client's recovering channel;
 * the broker redelivers that message anyway.
 */
final class Settlement {
    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    private final Channel channel;
    private final long deliveryTag;
    private final Runnable onSettled;
    private final AtomicBoolean settled = new AtomicBoolean();

    Settlement(Channel channel, long deliveryTag, Runnable onSettled) {
        this.channel = channel;
        this.deliveryTag = deliveryTag;
        this.onSettled = onSettled;
    }

    void ack() {
        if (settled.compareAndSet(false, true)) {
            try {
                channel.basicAck(deliveryTag, false);
            } catch (IOException | RuntimeException e) {
                log.warn("ack failed delivery_tag={} cause={}; the broker will redeliver", deliveryTag, e.toString());
            } finally {
                onSettled.run();
            }
        }
    }

    void nack(boolean requeue) {
        if (settled.compareAndSet(false, true)) {
            try {
                channel.basicNack(deliveryTag, false, requeue);
            } catch (IOException | RuntimeException e) {
                log.warn("nack failed delivery_tag={} cause={}; the broker will redeliver", deliveryTag, e.toString());
            } finally {
                onSettled.run();
            }
        }
    }

    /** Leaves the delivery unacked (the broker redelivers it when the channel closes) without counting it in flight. */
    void abandon() {
        if (settled.compareAndSet(false, true)) {
            onSettled.run();
        }
    }
}
