package io.pero.worker.logging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.worker.runtime.WorkerThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the lines {@link RemoteLogAppender} collects to the log queue (spec §6.9): default exchange, persistent,
 * {@code mandatory=true}, no confirms, on its own channel. A line that cannot be sent is kept and retried; lines dropped
 * because the buffer was full are reported once a minute.
 */
public final class RemoteLogShipper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RemoteLogShipper.class);
    private static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder().deliveryMode(2)
            .contentType("text/plain").contentEncoding("utf-8").build();
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration DROP_REPORT_INTERVAL = Duration.ofSeconds(60);
    private static final Duration FLUSH_ON_CLOSE = Duration.ofSeconds(2);

    private final RemoteLogAppender appender;
    private final String logQueue;
    private final Supplier<Optional<Connection>> connection;
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile long flushDeadline = Long.MAX_VALUE;
    private Channel channel;
    private String pending;
    private long lastDropReport = System.nanoTime();

    public RemoteLogShipper(RemoteLogAppender appender, String logQueue, Supplier<Optional<Connection>> connection,
                            WorkerThreads threads) {
        this.appender = appender;
        this.logQueue = logQueue;
        this.connection = connection;
        this.thread = threads.thread("remote-log", this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            while (stop.getCount() > 0 || (System.nanoTime() < flushDeadline && hasWork())) {
                if (pending == null) {
                    pending = appender.lines().poll(1, TimeUnit.SECONDS);
                }
                reportDrops();
                if (pending != null && !send(pending)) {
                    if (stop.await(RETRY.toMillis(), TimeUnit.MILLISECONDS) && System.nanoTime() >= flushDeadline) {
                        return;
                    }
                } else {
                    pending = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeChannel();
        }
    }

    private boolean hasWork() {
        return pending != null || !appender.lines().isEmpty();
    }

    private boolean send(String line) {
        try {
            if (channel == null || !channel.isOpen()) {
                Optional<Connection> c = connection.get();
                if (c.isEmpty() || !c.get().isOpen()) {
                    return false;
                }
                channel = c.get().createChannel();
            }
            channel.basicPublish("", logQueue, true, PERSISTENT, line.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            closeChannel();
            return false;
        }
    }

    // Differs from the original: it dropped lines silently when its buffer was full.
    private void reportDrops() {
        if (System.nanoTime() - lastDropReport >= DROP_REPORT_INTERVAL.toNanos()) {
            lastDropReport = System.nanoTime();
            long dropped = appender.takeDropped();
            if (dropped > 0) {
                log.warn("remote log lines dropped count={} cause=buffer of {} lines full", dropped,
                        RemoteLogAppender.CAPACITY);
            }
        }
    }

    private void closeChannel() {
        Channel c = channel;
        channel = null;
        if (c != null && c.isOpen()) {
            try {
                c.close();
            } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
                log.debug("log channel close failed cause={}", e.toString());
            }
        }
    }

    /** Sends what is buffered for up to two seconds, then stops. */
    @Override
    public void close() {
        flushDeadline = System.nanoTime() + FLUSH_ON_CLOSE.toNanos();
        stop.countDown();
        try {
            thread.join(FLUSH_ON_CLOSE.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
