package io.pero.logdaemon;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.net.ServerAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the first AMQP connection. Automatic recovery only covers connections that once succeeded, so startup retries
 * with exponential backoff (the server list may still be empty or the broker still booting) until {@code window} ends.
 */
final class StartupConnector {
    private static final Logger log = LoggerFactory.getLogger(StartupConnector.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(15);

    private final AmqpConnections connections;
    private final Supplier<List<ServerAddress>> servers;
    private final Duration window;
    private final CountDownLatch stopSignal;

    StartupConnector(AmqpConnections connections, Supplier<List<ServerAddress>> servers, Duration window,
                     CountDownLatch stopSignal) {
        this.connections = connections;
        this.servers = servers;
        this.window = window;
        this.stopSignal = stopSignal;
    }

    /**
     * @return the open connection, or null when a stop was requested while waiting
     * @throws ServiceUnavailableException when no server accepted a connection within the window
     * @throws ConfigException when the broker refused the credentials
     */
    Connection open(String name) throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        Duration pause = FIRST_PAUSE;
        String lastError = "no MQ servers listed in ZooKeeper";
        while (true) {
            List<ServerAddress> now = servers.get();
            if (!now.isEmpty()) {
                try {
                    return connections.open(name);
                } catch (IOException e) {
                    if (isAuthenticationFailure(e)) {
                        throw new ConfigException("RabbitMQ refused the credentials servers=" + now + ": " + e.getMessage(), e);
                    }
                    lastError = e.getMessage();
                } catch (ServiceUnavailableException e) {
                    lastError = e.getMessage();
                }
            }
            if (System.nanoTime() + pause.toNanos() > deadline) {
                throw new ServiceUnavailableException("no RabbitMQ server accepted a connection within " + window.toSeconds()
                        + "s servers=" + now + ": " + lastError);
            }
            log.warn("cannot connect to RabbitMQ yet servers={} cause={} retry_in_ms={}", now, lastError, pause.toMillis());
            if (stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                return null;
            }
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    /** Retrying cannot fix refused credentials; AmqpConnections reports them as an IOException caused by the client's. */
    static boolean isAuthenticationFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PossibleAuthenticationFailureException) {
                return true;
            }
        }
        return false;
    }
}
