package io.pero.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.pero.common.mq.QueueTopology;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A client that keeps at most {@code window} requests inside the pipeline: it uploads a new request (persistent, with
 * publisher confirms) whenever a result arrives in the output queue, where it consumes and acks each result. Queues stay
 * shallow, as in steady state, instead of the broker draining one deep queue and filling another with no consumer.
 */
final class ClosedLoopClient implements AutoCloseable {
    private final Channel publishChannel;
    private final Channel consumeChannel;
    private final Semaphore window;
    private final CountDownLatch done;
    private final AtomicInteger received = new AtomicInteger();
    private volatile int lastResultBytes = -1;
    private final int messages;

    ClosedLoopClient(Connection publishConnection, Connection consumeConnection, int messages, int window) throws IOException {
        this.publishChannel = publishConnection.createChannel();
        this.consumeChannel = consumeConnection.createChannel();
        this.window = new Semaphore(window);
        this.done = new CountDownLatch(1);
        this.messages = messages;
        publishChannel.confirmSelect();
    }

    /** Starts consuming {@code output}; results are acked one by one, as PerfTest's consumers do. */
    void consume(String output, int prefetch) throws IOException {
        consumeChannel.basicQos(prefetch);
        consumeChannel.basicConsume(output, false, new DefaultConsumer(consumeChannel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                consumeChannel.basicAck(envelope.getDeliveryTag(), false);
                lastResultBytes = body.length;
                window.release();
                if (received.incrementAndGet() == messages) {
                    done.countDown();
                }
            }
        });
    }

    /**
     * Uploads {@code messages} requests to {@code queue}, never more than the window ahead of the results, and returns
     * when all results are in; confirms are awaited in batches so the publisher never stalls on one round trip.
     *
     * @throws TimeoutException when no result arrives for {@code stall}
     */
    void run(String queue, Supplier<byte[]> bodies, Duration stall, Supplier<String> diagnostics)
            throws IOException, InterruptedException, TimeoutException {
        for (int i = 1; i <= messages; i++) {
            if (!window.tryAcquire(stall.toMillis(), TimeUnit.MILLISECONDS)) {
                throw stalled(stall, diagnostics);
            }
            publishChannel.basicPublish("", queue, true, QueueTopology.taskProperties(0), bodies.get());
            if (i % 64 == 0) {
                publishChannel.waitForConfirmsOrDie(stall.toMillis());
            }
        }
        publishChannel.waitForConfirmsOrDie(stall.toMillis());
        int last = -1;
        while (!done.await(stall.toMillis(), TimeUnit.MILLISECONDS)) {
            if (received.get() == last) {
                throw stalled(stall, diagnostics);
            }
            last = received.get();
        }
    }

    /** Size of the last result consumed, with both stage logs: what a request weighs at the end of the pipeline. */
    int lastResultBytes() {
        return lastResultBytes;
    }

    private TimeoutException stalled(Duration stall, Supplier<String> diagnostics) {
        return new TimeoutException("pipeline stalled: " + received.get() + "/" + messages + " results and none for "
                + stall.toSeconds() + "s; workers: " + diagnostics.get());
    }

    @Override
    public void close() throws IOException {
        for (Channel c : new Channel[] {publishChannel, consumeChannel}) {
            try {
                if (c.isOpen()) {
                    c.close();
                }
            } catch (TimeoutException | com.rabbitmq.client.AlreadyClosedException e) {
                // Closing the connection will finish the job; nothing of ours is left on this channel.
            }
        }
    }
}
