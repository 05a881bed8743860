package io.pero.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * A ZooKeeper server inside this JVM (Curator's TestingServer), for tests and the local all-in-one mode.
 * {@link #stop()} and {@link #restart()} keep the data, so tests can simulate an outage.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private static final int TICK_TIME_MS = 500;
    private static final int MAX_CLIENT_CONNECTIONS = 1000;

    static {
        // The admin server would claim port 8080 and clash with anything else on this machine.
        System.setProperty("zookeeper.admin.enableServer", "false");
    }

    private final TestingServer server;
    private final Path dataDir;

    private EmbeddedZooKeeper(TestingServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** Starts on {@code port} (0 = any free port) with data in a temporary directory. */
    public static EmbeddedZooKeeper start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Path dataDir = null;
        try {
            dataDir = Files.createTempDirectory("pero-zk-");
            // InstanceSpec picks a free port for -1, while 0 would be advertised literally.
            int specPort = port == 0 ? -1 : port;
            InstanceSpec spec = new InstanceSpec(dataDir.toFile(), specPort, -1, -1, true, -1,
                    TICK_TIME_MS, MAX_CLIENT_CONNECTIONS, null, "127.0.0.1");
            TestingServer server = new TestingServer(spec, true);
            return new EmbeddedZooKeeper(server, dataDir);
        } catch (Exception e) {
            if (dataDir != null) {
                TempDirs.deleteQuietly(dataDir);
            }
            throw new IllegalStateException("cannot start embedded ZooKeeper port=" + port + ": " + e, e);
        }
    }

    public String connectString() {
        return server.getConnectString();
    }

    public int port() {
        return server.getPort();
    }

    /** Stops serving; the data stays, so {@link #restart()} brings back the same tree. */
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded ZooKeeper port=" + port(), e);
        }
    }

    public void restart() {
        try {
            server.restart();
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart embedded ZooKeeper port=" + port() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close embedded ZooKeeper port=" + port(), e);
        } finally {
            TempDirs.deleteQuietly(dataDir);
        }
    }
}
