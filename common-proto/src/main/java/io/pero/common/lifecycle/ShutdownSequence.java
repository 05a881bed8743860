package io.pero.common.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a daemon's {@code *Main} opened, closed newest first by one {@link #close()} that SIGTERM and a requested
 * shutdown share; one failing step is logged and never stops the others. Idempotent.
 */
public final class ShutdownSequence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ShutdownSequence.class);

    /** One step; may throw. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private record Named(String name, Step step) {
    }

    private final Deque<Named> steps = new ArrayDeque<>();

    public synchronized void add(String name, Step step) {
        steps.push(new Named(name, step));
    }

    /** Registers {@code closeable} to be closed at shutdown and returns it, for use in an initialiser. */
    public <T extends AutoCloseable> T register(String name, T closeable) {
        add(name, closeable::close);
        return closeable;
    }

    @Override
    public void close() {
        while (true) {
            Named next;
            synchronized (this) {
                next = steps.poll();
            }
            if (next == null) {
                return;
            }
            long start = System.nanoTime();
            try {
                next.step().run();
                log.debug("shutdown step done step={} took_ms={}", next.name(), (System.nanoTime() - start) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("shutdown step interrupted step={}", next.name());
            } catch (Exception e) {
                log.warn("shutdown step failed step={} cause={}", next.name(), e.toString());
            }
        }
    }
}
