package io.pero.ocr.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's inference pool: named daemon threads that log what escapes them. */
final class InferenceThreads {
    private static final Logger log = LoggerFactory.getLogger(InferenceThreads.class);

    private InferenceThreads() {
    }

    static ExecutorService pool(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "pero-ocr-infer-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> log.error("uncaught in {}", t.getName(), e));
            return thread;
        };
        return Executors.newFixedThreadPool(threads, factory);
    }
}
