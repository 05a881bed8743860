package io.pero.worker.runtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every thread of one worker: named {@code pero-worker-<role>-<n>}, carrying the MDC {@code worker_id} (so log lines and
 * the remote log appender know whose they are), logging uncaught exceptions at ERROR.
 */
public final class WorkerThreads {
    private static final Logger log = LoggerFactory.getLogger(WorkerThreads.class);

    private final String workerId;
    private final AtomicInteger sequence = new AtomicInteger();

    public WorkerThreads(String workerId) {
        this.workerId = workerId;
    }

    public String workerId() {
        return workerId;
    }

    public Thread thread(String role, Runnable body) {
        Thread t = new Thread(() -> {
            MDC.put("worker_id", workerId);
            try {
                body.run();
            } finally {
                MDC.clear();
            }
        }, "pero-worker-" + role + "-" + sequence.incrementAndGet());
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) ->
                log.error("thread died thread={} worker_id={} cause={}", thread.getName(), workerId, e.toString(), e));
        return t;
    }

    public ThreadFactory factory(String role) {
        return body -> thread(role, body);
    }

    public ExecutorService single(String role) {
        return Executors.newSingleThreadExecutor(factory(role));
    }

    public ScheduledExecutorService scheduled(String role) {
        return Executors.newSingleThreadScheduledExecutor(factory(role));
    }
}
