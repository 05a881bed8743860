package io.pero.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

/**
 * A standalone ZooKeeper server inside this JVM on 127.0.0.1 only (ZooKeeper's own {@link ZooKeeperServerEmbedded},
 * exit handler {@code LOG_ONLY}, so a server failure never ends the JVM), for {@code pero-dev-services}, the local
 * all-in-one mode and tests. {@link #stop()} and {@link #restart()} keep the data, so tests can simulate an outage.
 * With a data directory the tree also survives the process; without one it lives in a temporary directory.
 * With {@link Tls} it also serves a TLS client port (as the original's zoo.cfg: plaintext {@code clientPort} for local
 * use, {@code secureClientPort} for clients), with the key and trust stores {@code certs/generate.sh} makes.
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

    /**
     * The TLS client port's stores (JKS or PKCS#12, told apart by ZooKeeper from the file name) and the files holding
     * their passwords, so no password is written into the server configuration.
     */
    public record Tls(Path keyStore, Path keyStorePasswordFile, Path trustStore, Path trustStorePasswordFile) {
        /** The stores {@code certs/generate.sh -o dir} writes. */
        public static Tls generatedIn(Path dir) {
            return new Tls(dir.resolve("zk-keystore.jks"), dir.resolve("zk-keystore.password"),
                    dir.resolve("zk-truststore.jks"), dir.resolve("zk-truststore.password"));
        }
    }

    /**
     * ZooKeeper turns server settings it has no field for into {@code zookeeper.*} system properties; those of the TLS
     * port are removed again at {@link #stop()}, so they do not reach later servers and clients of this JVM.
     */
    private static final List<String> TLS_SETTINGS = List.of("serverCnxnFactory", "ssl.keyStore.location",
            "ssl.keyStore.passwordPath", "ssl.trustStore.location", "ssl.trustStore.passwordPath", "ssl.clientAuth");

    private final Path baseDir;
    private final boolean temporary;
    private final int port;
    private final Optional<Tls> tls;
    private final int securePort;
    private ZooKeeperServerEmbedded server;

    private EmbeddedZooKeeper(Path baseDir, boolean temporary, int port, Optional<Tls> tls, int securePort) {
        this.baseDir = baseDir;
        this.temporary = temporary;
        this.port = port;
        this.tls = tls;
        this.securePort = securePort;
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
        return start(port, dataDir, Optional.empty());
    }

    /** Starts with a plaintext client port on any free port and a TLS client port ({@link #securePort()}) on another. */
    public static EmbeddedZooKeeper startWithTls(Tls tls) {
        return start(0, Optional.empty(), Optional.of(tls));
    }

    private static EmbeddedZooKeeper start(int port, Optional<Path> dataDir, Optional<Tls> tls) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Path base = null;
        try {
            base = dataDir.isPresent() ? Files.createDirectories(dataDir.get()) : Files.createTempDirectory("pero-zk-");
            int chosen = port == 0 ? freePort() : requireFree(port);
            EmbeddedZooKeeper zk = new EmbeddedZooKeeper(base, dataDir.isEmpty(), chosen, tls,
                    tls.isPresent() ? freePort() : -1);
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
        tls.ifPresent(t -> {
            config.setProperty("secureClientPort", Integer.toString(securePort));
            config.setProperty("secureClientPortAddress", BIND_ADDRESS);
            List<String> values = List.of("org.apache.zookeeper.server.NettyServerCnxnFactory", t.keyStore().toString(),
                    t.keyStorePasswordFile().toString(), t.trustStore().toString(), t.trustStorePasswordFile().toString(),
                    "none");
            for (int i = 0; i < TLS_SETTINGS.size(); i++) {
                config.setProperty(TLS_SETTINGS.get(i), values.get(i));
            }
        });
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

    /** The TLS client port, or -1 without TLS. */
    public int securePort() {
        return securePort;
    }

    /** Stops serving; the data stays, so {@link #restart()} brings back the same tree. */
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (tls.isPresent()) {
            TLS_SETTINGS.forEach(key -> System.clearProperty("zookeeper." + key));
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
