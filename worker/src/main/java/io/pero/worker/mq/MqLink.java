package io.pero.worker.mq;

import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.ConfirmingPublisher;
import io.pero.common.status.WorkerStatus;
import io.pero.worker.zk.StatusReporter;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's two AMQP connections, {@code pero-worker:<id>:consume} and {@code pero-worker:<id>:publish} (with the
 * {@link ConfirmingPublisher}). The first connect is retried in the background with capped backoff, since the client's
 * automatic recovery only covers connections that were once open; a change of the registered server list
 * ({@link #serversChanged()}) brings a waiting retry forward. After that, recovery heals both. A lost connection
 * turns a running worker's status into MQ_CONNECTION_FAILED, recovery turns it back.
 */
public final class MqLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqLink.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    /** The open connections and the publisher on the publish connection. */
    public record Links(Connection consume, Connection publish, ConfirmingPublisher publisher) {
    }

    /** Who hears about the link. */
    public interface Listener {
        /** Connected for the first time, or recovered. */
        void mqAvailable();

        /** A connect failed in a way retries cannot fix (authentication refused, vhost missing). */
        void mqRefused(String reason);
    }

    private final AmqpConnections connections;
    private final String workerId;
    private final StatusReporter status;
    private final ScheduledExecutorService scheduler;
    private final AtomicReference<Links> links = new AtomicReference<>();
    private final CountDownLatch firstConnect = new CountDownLatch(1);
    private volatile Listener listener;
    private volatile boolean closed;
    // Both only touched on the scheduler's (single) thread.
    private Duration nextRetry = FIRST_RETRY;
    private ScheduledFuture<?> pendingRetry;

    public MqLink(AmqpConnections connections, String workerId, StatusReporter status, ScheduledExecutorService scheduler) {
        this.connections = connections;
        this.workerId = workerId;
        this.status = status;
        this.scheduler = scheduler;
    }

    public void start(Listener listener) {
        this.listener = listener;
        scheduler.execute(this::connect);
    }

    /** Waits up to {@code timeout} for the first connect attempt to succeed or be refused; true when connected. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        firstConnect.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return links.get() != null;
    }

    public Optional<Links> links() {
        return Optional.ofNullable(links.get());
    }

    /**
     * The registered RabbitMQ servers changed (the server list watcher's listener): while the first connect waits for
     * its next retry, it is tried at once with the new list and the backoff starts over. A worker started before its
     * broker was registered (a cluster coming up, an operator adding the server) connects when the server appears,
     * not up to 30 s later. Once connected, the client's recovery re-reads the list itself.
     */
    public void serversChanged() {
        if (closed) {
            return;
        }
        try {
            scheduler.execute(() -> {
                if (pendingRetry != null && pendingRetry.cancel(false)) {
                    pendingRetry = null;
                    nextRetry = FIRST_RETRY;
                    connect();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down: the scheduler is gone, and so is the need to connect.
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        Connection consume = null;
        Connection publish = null;
        try {
            consume = connections.open("pero-worker:" + workerId + ":consume");
            publish = connections.open("pero-worker:" + workerId + ":publish");
            ConfirmingPublisher publisher = new ConfirmingPublisher(publish.createChannel());
            watch(consume);
            watch(publish);
            links.set(new Links(consume, publish, publisher));
            firstConnect.countDown();
            log.info("rabbitmq connected consume={} publish={}", consume.getAddress(), publish.getAddress());
            listener.mqAvailable();
        } catch (ServiceUnavailableException e) {
            closeQuietly(consume);
            closeQuietly(publish);
            log.warn("rabbitmq unreachable cause={} retry_in_ms={}", e.getMessage(), nextRetry.toMillis());
            scheduleRetry();
        } catch (IOException | RuntimeException e) {
            closeQuietly(consume);
            closeQuietly(publish);
            firstConnect.countDown();
            listener.mqRefused("rabbitmq refused the connection: " + e.getMessage());
        }
    }

    private void scheduleRetry() {
        if (!closed) {
            pendingRetry = scheduler.schedule(this::connect, nextRetry.toMillis(), TimeUnit.MILLISECONDS);
            nextRetry = nextRetry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextRetry.multipliedBy(2);
        }
    }

    private void watch(Connection connection) {
        connection.addShutdownListener(cause -> connectionLost(connection, cause));
        connection.addBlockedListener(new BlockedListener() {
            @Override
            public void handleBlocked(String reason) {
                log.warn("rabbitmq blocked publishing connection={} reason={}", connection.getClientProvidedName(), reason);
            }

            @Override
            public void handleUnblocked() {
                log.info("rabbitmq unblocked connection={}", connection.getClientProvidedName());
            }
        });
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable r) {
                    log.info("rabbitmq connection recovered connection={}", connection.getClientProvidedName());
                    if (bothOpen()) {
                        status.setIf(EnumSet.of(WorkerStatus.MQ_CONNECTION_FAILED), WorkerStatus.IDLE);
                        Listener l = listener;
                        if (l != null) {
                            l.mqAvailable();
                        }
                    }
                }

                @Override
                public void handleRecoveryStarted(Recoverable r) {
                    log.debug("rabbitmq recovery started connection={}", connection.getClientProvidedName());
                }
            });
        }
    }

    private void connectionLost(Connection connection, ShutdownSignalException cause) {
        if (cause.isInitiatedByApplication() || closed) {
            return;
        }
        log.warn("rabbitmq connection lost connection={} cause={}; automatic recovery running",
                connection.getClientProvidedName(), cause.getMessage());
        status.setIf(EnumSet.of(WorkerStatus.IDLE, WorkerStatus.PROCESSING), WorkerStatus.MQ_CONNECTION_FAILED);
    }

    private boolean bothOpen() {
        Links l = links.get();
        return l != null && l.consume().isOpen() && l.publish().isOpen();
    }

    @Override
    public void close() {
        closed = true;
        Links l = links.getAndSet(null);
        if (l != null) {
            l.publisher().close();
            closeQuietly(l.consume());
            closeQuietly(l.publish());
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close(5000);
        } catch (IOException | RuntimeException e) {
            // Already closing or closed; nothing left to release.
            log.debug("connection close failed cause={}", e.toString());
        }
    }
}
