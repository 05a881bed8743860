package io.pero.embedded.broker;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AMQP 0-9-1 broker inside this JVM (Apache Qpid Broker-J) with one virtual host, on 127.0.0.1, for the local
 * all-in-one mode and for broker integration tests where no RabbitMQ answers. Our unchanged RabbitMQ client code
 * talks to it; the settings below make Qpid behave like RabbitMQ where the system depends on it:
 * <ul>
 *   <li>{@code queue.behaviourOnUnknownDeclareArgument=IGNORE}: Qpid would otherwise close the whole connection (542)
 *       on {@code x-max-priority}/{@code x-queue-type};</li>
 *   <li>{@code queue.maximumDeliveryAttempts=1}: a nack/reject without requeue drops the message, as on RabbitMQ,
 *       instead of Qpid requeueing it (an endless poison loop);</li>
 *   <li>{@code secureOnlyMechanisms: []}: PLAIN login on a port without TLS;</li>
 *   <li>small connection, port and housekeeping thread pools (Qpid starts ~80 threads by default, ~13 with these).</li>
 * </ul>
 * Remaining differences callers must allow for: passive declare counts ready + unacknowledged messages (RabbitMQ:
 * ready only); an unroutable mandatory publish under confirms is nacked, then returned (ConfirmingPublisher reports
 * that nack as unroutable); priorities need {@code x-qpid-priorities} (QueueTopology adds it); there is no management
 * API.
 * With a {@code storeDir} the broker configuration (JSON) and messages (Derby) persist there; without one, memory only.
 */
public final class EmbeddedQpidBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedQpidBroker.class);
    private static final String BIND_ADDRESS = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final long PROBE_INTERVAL_MS = 50;

    /** What to start. {@code port} 0 picks a free port. */
    public record Settings(int port, String virtualHost, String username, String password, Optional<Path> storeDir) {
        public Settings {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        /** A memory-only broker on a free port, vhost {@code pero}, guest/guest. */
        public static Settings inMemory() {
            return new Settings(0, "pero", "guest", "guest", Optional.empty());
        }

        @Override
        public String toString() {
            return "Settings[port=" + port + ", virtualHost=" + virtualHost + ", username=" + username + ", storeDir=" + storeDir + "]";
        }
    }

    private final SystemLauncher launcher;
    private final Settings settings;
    private final int port;
    private final Path workDir;
    private final boolean deleteWorkDir;

    private EmbeddedQpidBroker(SystemLauncher launcher, Settings settings, int port, Path workDir, boolean deleteWorkDir) {
        this.launcher = launcher;
        this.settings = settings;
        this.port = port;
        this.workDir = workDir;
        this.deleteWorkDir = deleteWorkDir;
    }

    /** Starts the broker and returns once a client can open a connection to the virtual host. */
    public static EmbeddedQpidBroker start(Settings settings) {
        installUncaughtExceptionHandler();
        Path workDir = null;
        boolean temporary = settings.storeDir().isEmpty();
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                system.set(systemConfig);
            }
        });
        try {
            workDir = temporary ? Files.createTempDirectory("pero-qpid-") : Files.createDirectories(settings.storeDir().get());
            Path initialConfig = workDir.resolve("initial-config.json");
            Files.writeString(initialConfig, initialConfig(settings), StandardCharsets.UTF_8);
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("type", temporary ? "Memory" : "JSON");
            if (!temporary) {
                attributes.put("storePath", workDir.resolve("config.json").toString());
            }
            attributes.put("initialConfigurationLocation", initialConfig.toUri().toString());
            attributes.put("startupLoggedToSystemOut", false);
            attributes.put("context", context(settings, workDir));
            launcher.startup(attributes);
            int bound = boundPort(system.get());
            EmbeddedQpidBroker broker = new EmbeddedQpidBroker(launcher, settings, bound, workDir, temporary);
            broker.awaitVirtualHost();
            log.info("embedded broker started port={} vhost={} store={}", bound, settings.virtualHost(),
                    temporary ? "memory" : workDir);
            return broker;
        } catch (Exception e) {
            launcher.shutdown();
            if (temporary && workDir != null) {
                deleteQuietly(workDir);
            }
            throw new IllegalStateException("cannot start embedded AMQP broker " + settings + ": " + e, e);
        }
    }

    /**
     * Qpid's housekeeping halts the JVM when one of its tasks throws and no default handler is set; with a handler it
     * logs instead, so one failing broker task cannot end the workers that share this JVM.
     */
    private static void installUncaughtExceptionHandler() {
        if (Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                    log.error("uncaught exception thread={}", thread.getName(), e));
        }
    }

    private static Map<String, String> context(Settings settings, Path workDir) {
        Map<String, String> context = new HashMap<>();
        context.put("qpid.work_dir", workDir.toString());
        context.put("qpid.amqp_port", Integer.toString(settings.port()));
        context.put("queue.behaviourOnUnknownDeclareArgument", "IGNORE");
        context.put("queue.maximumDeliveryAttempts", "1");
        context.put("virtualhost.connectionThreadPool.size", "4");
        context.put("virtualhost.connectionThreadPool.numberOfSelectors", "1");
        context.put("qpid.port.amqp.threadPool.size", "4");
        context.put("qpid.port.amqp.threadPool.numberOfSelectors", "1");
        context.put("virtualhost.housekeepingThreadCount", "1");
        context.put("broker.housekeepingThreadCount", "1");
        return context;
    }

    /** The broker's initial configuration: one PLAIN user, one AMQP 0-9-1 port on 127.0.0.1, one virtual host. */
    static String initialConfig(Settings s) {
        boolean persistent = s.storeDir().isPresent();
        String node = persistent
                ? "{\"name\": " + json(s.virtualHost()) + ", \"type\": \"DERBY\", \"storePath\": \"${qpid.work_dir}/derby\","
                        + " \"defaultVirtualHostNode\": \"true\","
                        + " \"virtualHostInitialConfiguration\": \"{\\\"type\\\": \\\"ProvidedStore\\\"}\"}"
                : "{\"name\": " + json(s.virtualHost()) + ", \"type\": \"Memory\", \"defaultVirtualHostNode\": \"true\","
                        + " \"virtualHostInitialConfiguration\": \"{\\\"type\\\": \\\"Memory\\\"}\"}";
        return "{\n"
                + "  \"name\": \"pero-embedded\",\n"
                + "  \"modelVersion\": \"9.0\",\n"
                + "  \"authenticationproviders\": [{\"name\": \"plain\", \"type\": \"Plain\", \"secureOnlyMechanisms\": [],\n"
                + "    \"users\": [{\"name\": " + json(s.username()) + ", \"type\": \"managed\", \"password\": "
                + json(s.password()) + "}]}],\n"
                + "  \"ports\": [{\"name\": \"AMQP\", \"port\": \"${qpid.amqp_port}\", \"bindingAddress\": \"" + BIND_ADDRESS + "\",\n"
                + "    \"protocols\": [\"AMQP_0_9_1\"], \"authenticationProvider\": \"plain\",\n"
                + "    \"virtualhostaliases\": [{\"name\": \"nameAlias\", \"type\": \"nameAlias\"}]}],\n"
                + "  \"virtualhostnodes\": [" + node + "]\n"
                + "}\n";
    }

    private static String json(String value) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static int boundPort(SystemConfig<?> system) {
        if (system == null) {
            throw new IllegalStateException("broker started without a system configuration");
        }
        Broker<?> broker = system.getContainer(Broker.class);
        for (Port<?> p : broker.getChildren(Port.class)) {
            if (p instanceof org.apache.qpid.server.model.port.AmqpPort<?> amqp) {
                return amqp.getBoundPort();
            }
        }
        throw new IllegalStateException("broker has no AMQP port");
    }

    /** The port can accept before the virtual host is active: open connections until one succeeds. */
    private void awaitVirtualHost() throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = connectionFactory().newConnection("pero-embedded-probe")) {
                return;
            } catch (IOException | TimeoutException e) {
                last = e;
                Thread.sleep(PROBE_INTERVAL_MS);
            }
        }
        throw new TimeoutException("virtual host " + settings.virtualHost() + " not active after "
                + READY_TIMEOUT.toSeconds() + " s: " + last);
    }

    public String host() {
        return BIND_ADDRESS;
    }

    public int port() {
        return port;
    }

    public String virtualHost() {
        return settings.virtualHost();
    }

    public String username() {
        return settings.username();
    }

    public String password() {
        return settings.password();
    }

    /** A client factory for this broker's virtual host. */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(BIND_ADDRESS);
        f.setPort(port);
        f.setUsername(settings.username());
        f.setPassword(settings.password());
        f.setVirtualHost(settings.virtualHost());
        f.setConnectionTimeout(5000);
        f.setAutomaticRecoveryEnabled(false);
        return f;
    }

    /** Stops the broker; a memory-only broker's temporary directory is removed, a store directory kept. */
    @Override
    public void close() {
        try {
            launcher.shutdown();
        } finally {
            if (deleteWorkDir) {
                deleteQuietly(workDir);
            }
        }
        log.info("embedded broker stopped port={}", port);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.debug("not removed path={} cause={}", p, e.toString());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("temporary broker directory not removed path={} cause={}", dir, e.toString());
        }
    }
}
