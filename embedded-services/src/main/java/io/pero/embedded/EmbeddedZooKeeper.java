package io.pero.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

/**
 * A standalone ZooKeeper server inside this JVM on 127.0.0.1 only (ZooKeeper's own {@link ZooKeeperServerEmbedded},
 * exit handler {@code LOG_ONLY}, so a server failure never ends the JVM), for {@code pero-dev-services}, the local
 * all-in-one mode and tests. {@link #stop()} and {@link #restart()} keep the data, so tests can simulate an outage.
 * With a data directory the tree also survives the process; without one it lives in a temporary directory.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private static final String BIND_ADDRESS = "127.0.0.1";
    private static final int TICK_TIME_MS = 500;
    private static final int MAX_CLIENT_CONNECTIONS = 1000;
    private static final long START_TIMEOUT_MS = 30_000;

    static {
        // The admin server would claim port 8080 and clash with anything else on this machine.
        System.setProperty("zookeeper.admin.enableServer", "false");
    }

    private final Path baseDir;
    private final boolean temporary;
    private final int port;
    private ZooKeeperServerEmbedded server;

    private EmbeddedZooKeeper(Path baseDir, boolean temporary, int port) {
        this.baseDir = baseDir;
        this.temporary = temporary;
        this.port = port;
    }

    /** Starts on {@code port} (0 = any free port) with data in a temporary directory. */
    public static EmbeddedZooKeeper start(int port) {
        return start(port, Optional.empty());
    }

    /**
     * Starts on {@code port} (0 = any free port); with {@code dataDir} the data persists there.
     *
     * @throws PortInUseException when {@code port} is taken
     */
    public static EmbeddedZooKeeper start(int port, Optional<Path> dataDir) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Path base = null;
        try {
            base = dataDir.isPresent() ? Files.createDirectories(dataDir.get()) : Files.createTempDirectory("pero-zk-");
            int chosen = port == 0 ? freePort() : requireFree(port);
            EmbeddedZooKeeper zk = new EmbeddedZooKeeper(base, dataDir.isEmpty(), chosen);
            zk.startServer();
            return zk;
        } catch (PortInUseException e) {
            cleanUp(base, dataDir);
            throw e;
        } catch (Exception e) {
            cleanUp(base, dataDir);
            throw new IllegalStateException("cannot start embedded ZooKeeper port=" + port + ": " + e, e);
        }
    }

    private static void cleanUp(Path base, Optional<Path> dataDir) {
        if (base != null && dataDir.isEmpty()) {
            TempDirs.deleteQuietly(base);
        }
    }

    private void startServer() throws Exception {
        Properties config = new Properties();
        config.setProperty("clientPort", Integer.toString(port));
        config.setProperty("clientPortAddress", BIND_ADDRESS);
        config.setProperty("tickTime", Integer.toString(TICK_TIME_MS));
        config.setProperty("maxClientCnxns", Integer.toString(MAX_CLIENT_CONNECTIONS));
        config.setProperty("admin.enableServer", "false");
        config.setProperty("dataDir", baseDir.resolve("data").toString());
        ZooKeeperServerEmbedded s = ZooKeeperServerEmbedded.builder().baseDir(baseDir).configuration(config)
                .exitHandler(ExitHandler.LOG_ONLY).build();
        try {
            s.start(START_TIMEOUT_MS);
        } catch (Exception e) {
            s.close();
            throw e;
        }
        server = s;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(BIND_ADDRESS))) {
            return socket.getLocalPort();
        }
    }

    private static int requireFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(BIND_ADDRESS, port));
            return port;
        } catch (BindException e) {
            throw new PortInUseException(port, e);
        }
    }

    /** The port a requested ZooKeeper would listen on is taken by another process. */
    public static final class PortInUseException extends IllegalStateException {
        private final int port;

        PortInUseException(int port, Throwable cause) {
            super("port " + BIND_ADDRESS + ":" + port + " is already in use (another ZooKeeper, or a second "
                    + "pero-dev-services?); stop it or choose another port", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    public String connectString() {
        return BIND_ADDRESS + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Stops serving; the data stays, so {@link #restart()} brings back the same tree. */
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public synchronized void restart() {
        stop();
        try {
            startServer();
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart embedded ZooKeeper port=" + port + ": " + e, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            if (temporary) {
                TempDirs.deleteQuietly(baseDir);
            }
        }
    }
}
