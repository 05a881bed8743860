package io.pero.worker.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts formatted log lines of one worker into a bounded in-memory queue (200 lines, spec §6.9) for
 * {@link RemoteLogShipper}; never blocks the logging thread: when the queue is full the line is dropped and counted.
 * Lines of other workers in the same JVM (another MDC {@code worker_id}) are left to their own appender.
 */
public final class RemoteLogAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    public static final int CAPACITY = 200;

    private final String workerId;
    private final WorkerLogLayout layout = new WorkerLogLayout();
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();

    public RemoteLogAppender(String workerId) {
        this.workerId = workerId;
        layout.setWorkerId(workerId);
        setName("pero-remote-log-" + workerId);
    }

    @Override
    protected void append(ILoggingEvent event) {
        String owner = event.getMDCPropertyMap().get("worker_id");
        if (owner != null && !owner.equals(workerId)) {
            return;
        }
        if (!lines.offer(layout.line(event))) {
            dropped.incrementAndGet();
        }
    }

    BlockingQueue<String> lines() {
        return lines;
    }

    /** Lines dropped since the last call. */
    long takeDropped() {
        return dropped.getAndSet(0);
    }
}
