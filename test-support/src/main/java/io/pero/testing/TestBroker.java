package io.pero.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeoutException;
import io.pero.embedded.broker.EmbeddedQpidBroker;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The AMQP broker integration tests run against, with vhost {@code pero} present and usable.
 * Lookup order: {@code PERO_TEST_BROKER=embedded} forces an in-JVM Qpid Broker-J; else
 * {@code PERO_TEST_AMQP_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD} (default 127.0.0.1:5672 guest/guest) if
 * reachable; else a Testcontainers RabbitMQ where a Docker engine exists; else the embedded Qpid broker, so the suite
 * runs on a machine with nothing installed. Tests of RabbitMQ-only behaviour call {@link #assumeRabbitMq(String)} and
 * are reported as skipped, with the reason, on Qpid. One instance per JVM.
 */
public final class TestBroker {
    static final String VHOST = "pero";
    private static final Logger log = LoggerFactory.getLogger(TestBroker.class);
    private static final int PROBE_TIMEOUT_MS = 2000;
    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final String IMAGE = "rabbitmq:3.13-management";
    /** {@code embedded}: use the in-JVM Qpid broker even where a RabbitMQ answers (CI runs the suite both ways). */
    static final String BROKER_ENV = "PERO_TEST_BROKER";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static TestBroker instance;
    private static RuntimeException lookupFailure;

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final int managementPort;
    private final boolean rabbitMq;

    private TestBroker(String host, int port, String username, String password, int managementPort) {
        this(host, port, username, password, managementPort, true);
    }

    private TestBroker(String host, int port, String username, String password, int managementPort, boolean rabbitMq) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.managementPort = managementPort;
        this.rabbitMq = rabbitMq;
    }

    public static synchronized TestBroker get() {
        if (instance != null) {
            return instance;
        }
        // A failed lookup is remembered so that every test fails fast with the same explanation.
        if (lookupFailure != null) {
            throw lookupFailure;
        }
        try {
            instance = locate();
            return instance;
        } catch (RuntimeException e) {
            lookupFailure = e;
            throw e;
        }
    }

    private static TestBroker locate() {
        String forced = env(BROKER_ENV, "");
        if (forced.equalsIgnoreCase("embedded")) {
            return startEmbedded(BROKER_ENV + "=embedded");
        }
        if (!forced.isEmpty() && !forced.equalsIgnoreCase("rabbitmq")) {
            throw new IllegalStateException(BROKER_ENV + "=" + forced + ": expected 'embedded' or 'rabbitmq'");
        }
        String host = env("PERO_TEST_AMQP_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("PERO_TEST_AMQP_PORT", "5672"));
        String user = env("PERO_TEST_AMQP_USER", "guest");
        String password = env("PERO_TEST_AMQP_PASSWORD", "guest");
        int mgmtPort = Integer.parseInt(env("PERO_TEST_AMQP_MANAGEMENT_PORT", "15672"));
        if (reachable(host, port)) {
            return prepareExisting(host, port, user, password, mgmtPort);
        }
        if (forced.equalsIgnoreCase("rabbitmq")) {
            throw new IllegalStateException(BROKER_ENV + "=rabbitmq but nothing answers at " + host + ":" + port);
        }
        if (dockerAvailable()) {
            return startContainer();
        }
        return startEmbedded("nothing answers at " + host + ":" + port + " and no Docker engine is available");
    }

    private static TestBroker startEmbedded(String why) {
        EmbeddedQpidBroker qpid = EmbeddedQpidBroker.start(EmbeddedQpidBroker.Settings.inMemory());
        // Stopped with the test JVM: one broker serves every test class of the run.
        Runtime.getRuntime().addShutdownHook(new Thread(qpid::close, "pero-test-broker-stop"));
        log.warn("test broker: embedded Qpid Broker-J on port {} ({}); tests of RabbitMQ-only behaviour are skipped",
                qpid.port(), why);
        return new TestBroker(qpid.host(), qpid.port(), qpid.username(), qpid.password(), -1, false);
    }

    private static TestBroker prepareExisting(String host, int port, String user, String password, int mgmtPort) {
        ManagementApi api = new ManagementApi(host, mgmtPort, user, password);
        boolean hasManagement = api.answers();
        if (hasManagement) {
            try {
                api.ensureVhostWithPermissions(VHOST, user);
            } catch (IOException e) {
                throw new IllegalStateException("cannot prepare vhost " + VHOST + " on " + host + ":" + mgmtPort + ": "
                        + e.getMessage(), e);
            }
        }
        TestBroker broker = new TestBroker(host, port, user, password, hasManagement ? mgmtPort : -1);
        broker.verifyVhost();
        log.info("test broker found host={} port={} management_port={}", host, port, broker.managementPort);
        return broker;
    }

    private static TestBroker startContainer() {
        RabbitMQContainer container = new RabbitMQContainer(DockerImageName.parse(IMAGE));
        container.start();
        // Stopped by the Testcontainers reaper when the JVM ends; one broker serves the whole test run.
        TestBroker broker = new TestBroker(container.getHost(), container.getAmqpPort(), container.getAdminUsername(),
                container.getAdminPassword(), container.getHttpPort());
        try {
            new ManagementApi(broker.host, broker.managementPort, broker.username, broker.password)
                    .ensureVhostWithPermissions(VHOST, broker.username);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare vhost " + VHOST + " in the RabbitMQ container: " + e.getMessage(), e);
        }
        broker.verifyVhost();
        log.info("test broker started in a container host={} port={}", broker.host, broker.port);
        return broker;
    }

    private void verifyVhost() {
        try (Connection c = connectionFactory().newConnection("pero-test-probe")) {
            c.isOpen();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot use vhost " + VHOST + " on " + host + ":" + port + " as " + username
                    + " (" + e + "). Create it with `rabbitmqctl add_vhost pero && rabbitmqctl set_permissions -p pero "
                    + username + " '.*' '.*' '.*'`", e);
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** True for a RabbitMQ broker, false for the embedded Qpid broker. */
    public boolean isRabbitMq() {
        return rabbitMq;
    }

    /**
     * Skips the calling test, with {@code behaviour} in the test report, unless the broker is RabbitMQ: for tests of
     * RabbitMQ-only behaviour (management API, queue argument preconditions, TLS listener).
     */
    public void assumeRabbitMq(String behaviour) {
        Assumptions.assumeTrue(rabbitMq, () -> "needs RabbitMQ (" + behaviour + "); the embedded Qpid broker is in use. "
                + "Point PERO_TEST_AMQP_HOST at a RabbitMQ to run it");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Management API port, or -1 when the broker has no management plugin. */
    public int managementPort() {
        return managementPort;
    }

    /**
     * Creates (or resets the password of) a user with full rights on vhost {@code pero}, for tests of credentials;
     * skips the calling test on a broker without the management API.
     */
    public void createUser(String name, String password) {
        assumeRabbitMq("users created through the management API");
        Assumptions.assumeTrue(managementPort > 0, "needs the RabbitMQ management API to create users");
        try {
            managementApi().ensureUser(name, password, VHOST);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create RabbitMQ user " + name + ": " + e.getMessage(), e);
        }
    }

    public void deleteUser(String name) {
        try {
            managementApi().deleteUser(name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete RabbitMQ user " + name + ": " + e.getMessage(), e);
        }
    }

    private ManagementApi managementApi() {
        return new ManagementApi(host, managementPort, username, password);
    }

    /** A factory for vhost {@code pero} on this broker. */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(host);
        f.setPort(port);
        f.setUsername(username);
        f.setPassword(password);
        f.setVirtualHost(VHOST);
        f.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        return f;
    }

    public Connection connect(String name) {
        try {
            return connectionFactory().newConnection(name);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to test broker " + host + ":" + port + " vhost=" + VHOST + ": " + e, e);
        }
    }

    /** A queue or stage name unique to this test run, e.g. {@code it-dummy1-3f9a2c}. */
    public static String uniqueName(String prefix) {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }

    /** Deletes the queues, ignoring those that do not exist. */
    public void deleteQueues(String... names) {
        try (Connection c = connect("pero-test-cleanup")) {
            for (String name : names) {
                // A channel per queue: a failed delete closes its channel.
                try (Channel ch = c.createChannel()) {
                    ch.queueDelete(name);
                } catch (IOException | TimeoutException e) {
                    log.debug("queue not deleted queue={} cause={}", name, e.toString());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot close cleanup connection: " + e, e);
        }
    }

    /** Messages in a queue (passive declare): ready ones on RabbitMQ, ready + unacknowledged on Qpid. */
    public long messageCount(String queue) {
        try (Connection c = connect("pero-test-count"); Channel ch = c.createChannel()) {
            return ch.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot count messages in queue " + queue + ": " + e, e);
        }
    }
}
