package io.pero.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.mq.QueueTopology;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Publishes requests persistently with publisher confirms, waiting for confirms in windows, as a bulk uploader would. */
final class ConfirmedPublisher {
    private static final int CONFIRM_WINDOW = 500;
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(60);

    private ConfirmedPublisher() {
    }

    /** Publishes {@code count} bodies to {@code queue}; returns when every one is confirmed. */
    static void publish(Connection connection, String queue, int count, Supplier<byte[]> bodies)
            throws IOException, InterruptedException, TimeoutException {
        Channel channel = connection.createChannel();
        try {
            channel.confirmSelect();
            for (int i = 1; i <= count; i++) {
                channel.basicPublish("", queue, true, QueueTopology.taskProperties(0), bodies.get());
                if (i % CONFIRM_WINDOW == 0 || i == count) {
                    channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
                }
            }
        } finally {
            if (channel.isOpen()) {
                channel.close();
            }
        }
    }
}
