package io.pero.worker.mq;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.Credentials;
import io.pero.common.config.Secret;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.AmqpSettings;
import io.pero.common.net.ServerAddress;
import io.pero.testing.TestBroker;
import io.pero.worker.zk.StatusReporter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The worker's first AMQP connect against the test broker. */
class MqLinkIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * A worker started before any RabbitMQ server is registered connects when one is registered, not at its next
     * retry: here retries are held back for an hour, so only the registration itself can make it connect.
     */
    @Test
    void aServerRegisteredWhileTheFirstConnectWaitsIsTriedAtOnce() throws Exception {
        TestBroker broker = TestBroker.get();
        AtomicReference<List<ServerAddress>> registered = new AtomicReference<>(List.of());
        AmqpConnections connections = new AmqpConnections(new AmqpSettings(registered::get,
                new Credentials(Optional.of(broker.username()), Secret.of(broker.password()), Optional.empty()), true, 10));
        CountDownLatch retryScheduled = new CountDownLatch(1);
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
                if (delay <= 0) {
                    return super.schedule(task, delay, unit); // execute() comes here too
                }
                ScheduledFuture<?> held = super.schedule(task, 1, TimeUnit.HOURS);
                retryScheduled.countDown();
                return held;
            }
        };
        CountDownLatch available = new CountDownLatch(1);
        MqLink link = new MqLink(connections, "mqlink-it", new StatusReporter(null, "mqlink-it", scheduler), scheduler);
        try {
            link.start(new MqLink.Listener() {
                @Override
                public void mqAvailable() {
                    available.countDown();
                }

                @Override
                public void mqRefused(String reason) {
                }
            });
            assertTrue(retryScheduled.await(WAIT.toSeconds(), TimeUnit.SECONDS), "no retry after a connect without servers");
            assertFalse(link.links().isPresent());

            registered.set(List.of(ServerAddress.of(broker.host(), broker.port())));
            link.serversChanged();

            assertTrue(available.await(WAIT.toSeconds(), TimeUnit.SECONDS), "not connected after the server was registered");
            assertTrue(link.links().isPresent());
        } finally {
            link.close();
            scheduler.shutdownNow();
        }
    }
}
