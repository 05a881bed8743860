package io.pero.embedded;

/**
 * A ZooKeeper server inside this JVM (Curator's TestingServer), for tests and the local all-in-one mode.
 * {@link #stop()} and {@link #restart()} keep the data, so tests can simulate an outage.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    /** Starts on {@code port} (0 = any free port) with data in a temporary directory. */
    public static EmbeddedZooKeeper start(int port) {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    public String connectString() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    public int port() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    public void stop() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    public void restart() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }
}
