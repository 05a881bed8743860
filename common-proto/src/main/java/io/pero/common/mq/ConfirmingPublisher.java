package io.pero.common.mq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes with {@code mandatory=true} and asynchronous publisher confirms on its own channel, so many publishes
 * can be in flight (no round trip per message). Each publish gets a future completed with the broker's verdict;
 * a basic.return (unroutable) is matched to its publish and reported as {@link PublishOutcome#UNROUTABLE}.
 * When the channel or connection closes, pending futures complete exceptionally. Thread-safe.
 */
public final class ConfirmingPublisher implements AutoCloseable {
    /** Takes ownership of {@code channel}: enables confirms and installs return and confirm listeners. */
    public ConfirmingPublisher(Channel channel) throws IOException {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }

    /** Publishes to the default exchange with routing key = queue name. */
    public CompletableFuture<PublishOutcome> publish(String queue, AMQP.BasicProperties properties, byte[] body) {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }

    /** Publishes still waiting for a confirm. */
    public int inFlight() {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }
}
