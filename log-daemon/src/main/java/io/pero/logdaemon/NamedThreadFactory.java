package io.pero.logdaemon;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Threads named {@code pero-logd-<role>-<n>}, daemon, logging anything that escapes at ERROR. */
final class NamedThreadFactory implements ThreadFactory {
    private static final Logger log = LoggerFactory.getLogger(NamedThreadFactory.class);
    private final String prefix;
    private final AtomicInteger next = new AtomicInteger(1);

    NamedThreadFactory(String role) {
        this.prefix = "pero-logd-" + role + "-";
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + next.getAndIncrement());
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> log.error("uncaught exception thread={}", thread.getName(), e));
        return t;
    }
}
