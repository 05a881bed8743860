package io.pero.logdaemon;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes what was registered in reverse order, once; a failure is logged and the rest still close. */
final class ShutdownSequence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ShutdownSequence.class);

    private record Step(String name, AutoCloseable closeable) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T add(String name, T closeable) {
        steps.push(new Step(name, closeable));
        return closeable;
    }

    @Override
    public synchronized void close() {
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            try {
                step.closeable().close();
            } catch (Exception e) {
                log.warn("close failed step={} cause={}", step.name(), e.toString());
            }
        }
    }
}
