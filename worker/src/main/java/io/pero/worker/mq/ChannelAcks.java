package io.pero.worker.mq;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the acks and nacks of one consumer channel. Publish confirms arrive in bursts; the acks they release are sent
 * by one flush on {@code flusher} (the confirm thread, never a connection I/O thread), as one {@code multiple} ack per
 * run of consecutive ready deliveries ({@link AckWindow}), instead of one frame and one broker round of work each.
 * A delivery's {@code onSettled} runs once its ack or nack has been handed to the channel. Thread-safe.
 */
final class ChannelAcks {
    private static final Logger log = LoggerFactory.getLogger(ChannelAcks.class);

    private final Channel channel;
    private final Executor flusher;
    private final Object lock = new Object();
    private final AckWindow window = new AckWindow();
    private final Map<Long, Runnable> waiting = new HashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    ChannelAcks(Channel channel, Executor flusher) {
        this.channel = channel;
        this.flusher = flusher;
    }

    /** The processing thread takes the delivery; call in tag order, before it can be settled. */
    void taken(long tag) {
        synchronized (lock) {
            window.taken(tag);
        }
    }

    /** Its forward publish is confirmed: ack it with the next flush. */
    void ack(long tag, Runnable onSettled) {
        boolean known;
        synchronized (lock) {
            known = window.ready(tag);
            if (known) {
                waiting.put(tag, onSettled);
            }
        }
        if (!known) {
            // Taken before the channel was recovered: the recovering channel drops acks of such stale tags.
            sendAck(tag, false, List.of(onSettled));
            return;
        }
        scheduleFlush();
    }

    void nack(long tag, boolean requeue, Runnable onSettled) {
        synchronized (lock) {
            // Under the lock, so no flush can send a multiple ack covering this tag before the nack is out.
            try {
                channel.basicNack(tag, false, requeue);
            } catch (IOException | RuntimeException e) {
                log.warn("nack failed delivery_tag={} cause={}; the broker will redeliver", tag, e.toString());
            }
            window.settledOtherwise(tag);
        }
        onSettled.run();
        scheduleFlush();
    }

    /** Leaves the delivery unacked (the broker redelivers it when the channel closes); no multiple ack covers it. */
    void abandon(long tag, Runnable onSettled) {
        synchronized (lock) {
            window.held(tag);
        }
        onSettled.run();
    }

    /** The channel went down: its tags are void. Acks already released are attempted (and dropped) as before. */
    void channelLost() {
        List<Runnable> callbacks = new ArrayList<>();
        List<Long> ready;
        synchronized (lock) {
            ready = window.clear();
            for (Long tag : ready) {
                callbacks.add(waiting.remove(tag));
            }
            waiting.clear();
        }
        for (int i = 0; i < ready.size(); i++) {
            sendAck(ready.get(i), false, List.of(callbacks.get(i)));
        }
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            try {
                // Behind the confirm verdicts already queued there, so one flush covers the whole burst.
                flusher.execute(this::flush);
            } catch (RejectedExecutionException e) {
                flush();
            }
        }
    }

    private void flush() {
        flushScheduled.set(false);
        List<Runnable> settled = new ArrayList<>();
        synchronized (lock) {
            AckWindow.Acks acks = window.drain();
            if (!acks.run().isEmpty()) {
                sendAck(acks.run().get(acks.run().size() - 1), acks.run().size() > 1, List.of());
            }
            for (Long tag : acks.singles()) {
                sendAck(tag, false, List.of());
            }
            acks.run().forEach(tag -> settled.add(waiting.remove(tag)));
            acks.singles().forEach(tag -> settled.add(waiting.remove(tag)));
        }
        settled.forEach(Runnable::run);
    }

    private void sendAck(long tag, boolean multiple, List<Runnable> then) {
        try {
            channel.basicAck(tag, multiple);
        } catch (IOException | RuntimeException e) {
            log.warn("ack failed delivery_tag={} multiple={} cause={}; the broker will redeliver", tag, multiple,
                    e.toString());
        } finally {
            then.forEach(Runnable::run);
        }
    }
}
