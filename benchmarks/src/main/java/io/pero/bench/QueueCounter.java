package io.pero.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Counts ready messages in a queue with passive declares and waits for a target count. */
final class QueueCounter implements AutoCloseable {
    /** Coarse enough not to load the broker (a passive declare is a round trip), fine enough for runs of seconds. */
    private static final long POLL_MS = 50;
    private final Channel channel;

    QueueCounter(Connection connection) throws IOException {
        this.channel = connection.createChannel();
    }

    long count(String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    /**
     * Waits until {@code queue} holds {@code target} messages.
     *
     * @return nanoTime at which the target was seen
     * @throws TimeoutException when the count did not grow for {@code stall}; the message includes {@code diagnostics}
     */
    long awaitCount(String queue, long target, Duration stall, Supplier<String> diagnostics)
            throws IOException, InterruptedException, TimeoutException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = count(queue);
            long t = System.nanoTime();
            if (now >= target) {
                return t;
            }
            if (now != last) {
                last = now;
                lastChange = t;
            } else if (t - lastChange > stall.toNanos()) {
                throw new TimeoutException("pipeline stalled: " + now + "/" + target + " messages in " + queue
                        + " and no progress for " + stall.toSeconds() + "s; workers: " + diagnostics.get());
            }
            Thread.sleep(POLL_MS);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } catch (TimeoutException | com.rabbitmq.client.AlreadyClosedException e) {
            // The connection is going away anyway; nothing of ours is left on this channel.
        }
    }
}
