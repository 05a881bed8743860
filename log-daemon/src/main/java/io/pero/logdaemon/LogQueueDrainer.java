package io.pero.logdaemon;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the log queue with manual acks and writes each body as one line to the sink. A line is acknowledged only
 * after it has been written and flushed: acks go out in batches ({@code multiple=true} up to the last written
 * delivery tag) every {@link #ACK_EVERY_LINES} lines and whenever {@link #flushAndAck()} runs on its timer.
 * Delivery is at-least-once: lines written but not yet acked when the daemon or the connection dies come back and
 * appear twice in the files.
 */
final class LogQueueDrainer implements AutoCloseable {
    /** Unacked deliveries the broker may push ahead; several ack batches, so the consumer never waits for a round trip. */
    static final int PREFETCH = 1000;
    /** Lines per ack batch; well below {@link #PREFETCH} so the broker keeps sending while a batch is acked. */
    static final int ACK_EVERY_LINES = 250;
    private static final Logger log = LoggerFactory.getLogger(LogQueueDrainer.class);
    private static final long CANCEL_WAIT_SECONDS = 5;

    private enum State { LATENT, STARTED, CLOSED }

    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final Channel channel;
    private final String queue;
    private final RotatingFileSink sink;
    private final Consumer<String> fatalFailure;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private String consumerTag;
    private long lastWrittenTag;
    private long lastAckedTag;
    private long linesSinceAck;
    private boolean failed;
    private final LogdMetrics metrics;

    /**
     * @param fatalFailure told, once, why draining cannot go on (the file cannot be written, the queue was deleted)
     */
    LogQueueDrainer(Channel channel, String queue, RotatingFileSink sink, Consumer<String> fatalFailure) {
        this(channel, queue, sink, fatalFailure, new LogdMetrics(java.time.Clock.systemUTC()));
    }

    LogQueueDrainer(Channel channel, String queue, RotatingFileSink sink, Consumer<String> fatalFailure,
                    LogdMetrics metrics) {
        this.metrics = metrics;
        metrics.unacked(this::unacked);
        this.channel = channel;
        this.queue = queue;
        this.sink = sink;
        this.fatalFailure = fatalFailure;
    }

    void start() throws IOException {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("drainer already started or closed, state=" + state.get());
        }
        channel.basicQos(PREFETCH);
        consumerTag = channel.basicConsume(queue, false, new LineConsumer(channel));
        log.info("draining log queue queue={} prefetch={} ack_every_lines={}", queue, PREFETCH, ACK_EVERY_LINES);
    }

    /** Flushes the sink and acknowledges every line written so far. Safe to call from any thread. */
    synchronized void flushAndAck() {
        if (failed || lastWrittenTag == lastAckedTag) {
            return;
        }
        long tag = lastWrittenTag;
        try {
            sink.flush();
        } catch (IOException e) {
            fail("cannot flush log file: " + e);
            return;
        }
        try {
            channel.basicAck(tag, true);
            lastAckedTag = tag;
            linesSinceAck = 0;
        } catch (IOException | AlreadyClosedException e) {
            // Recovery redelivers these lines on the new channel; acking stale tags afterwards is a no-op in the client.
            lastAckedTag = tag;
            log.warn("ack failed, lines will be redelivered and may be duplicated up_to_tag={} cause={}", tag, e.toString());
        }
    }

    /** Lines written and not acked yet. */
    synchronized long unacked() {
        return linesSinceAck;
    }

    /** Stops consuming, waits for deliveries already received to be written, then flushes and acks them. */
    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) != State.STARTED) {
            return;
        }
        try {
            channel.basicCancel(consumerTag);
            // handleCancelOk is dispatched after every delivery received before it, so all of them are written by now.
            if (!cancelled.await(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("consumer cancel not confirmed within {}s; unwritten deliveries will be redelivered", CANCEL_WAIT_SECONDS);
            }
        } catch (IOException | AlreadyClosedException e) {
            log.warn("cannot cancel consumer, unacked lines will be redelivered cause={}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushAndAck();
    }

    private synchronized void write(String line, long deliveryTag) {
        if (failed) {
            return;
        }
        try {
            sink.append(line);
        } catch (IOException e) {
            fail("cannot write log file: " + e);
            return;
        }
        lastWrittenTag = deliveryTag;
        metrics.written(line.getBytes(StandardCharsets.UTF_8).length + 1L);
        if (++linesSinceAck >= ACK_EVERY_LINES) {
            flushAndAck();
        }
    }

    private void fail(String reason) {
        // Nothing after the failure is acked, so the broker keeps every line that may not be on disk.
        failed = true;
        fatalFailure.accept(reason);
    }

    private final class LineConsumer extends DefaultConsumer {
        LineConsumer(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            // Differs from the original: invalid UTF-8 becomes U+FFFD instead of breaking the consumer.
            write(new String(body, StandardCharsets.UTF_8), envelope.getDeliveryTag());
        }

        @Override
        public void handleCancelOk(String tag) {
            cancelled.countDown();
        }

        @Override
        public void handleCancel(String tag) {
            // The broker cancels a consumer when its queue is deleted; nothing will arrive any more.
            cancelled.countDown();
            fatalFailure.accept("log queue '" + queue + "' was deleted or the broker cancelled the consumer");
        }

        @Override
        public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
            if (!sig.isInitiatedByApplication()) {
                log.debug("consumer channel shut down, recovery will resume it queue={} cause={}", queue, sig.getMessage());
            }
        }
    }
}
