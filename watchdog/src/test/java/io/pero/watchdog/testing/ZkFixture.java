package io.pero.watchdog.testing;

import io.pero.common.config.Credentials;
import io.pero.common.net.ServerAddress;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.common.zk.ZkSettings;
import io.pero.embedded.EmbeddedZooKeeper;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-JVM ZooKeeper with a client that writes znodes exactly as the Python tools and workers do (spec §3), and reads
 * them back for assertions. A JUnit extension: {@code @RegisterExtension static final ZkFixture zk = new ZkFixture();}
 * starts one ZooKeeper for all tests of the class (they {@link #reset()} it between them), the same on an instance field
 * one per test, for tests that run watchdogs or workers whose sessions and watches must not outlive them.
 */
public final class ZkFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private EmbeddedZooKeeper server;
    private CuratorFramework client;
    /** Started by {@link #beforeEach}, so {@link #afterEach} stops it; a static field's fixture lives until afterAll. */
    private boolean perTest;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** JUnit calls the class callbacks only for an extension on a static field; on an instance field it gets these. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    private void start() {
        server = EmbeddedZooKeeper.start(0);
        client = CuratorClients.startAndWait(settings(server), Duration.ofSeconds(10));
    }

    /** Also after a start that failed half-way: closes what is there. */
    private void stop() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            client = null;
            server = null;
            perTest = false;
        }
    }

    public static ZkSettings settings(EmbeddedZooKeeper server) {
        return new ZkSettings(List.of(ServerAddress.of("127.0.0.1", server.port())), Credentials.none(),
                Duration.ofSeconds(6), Duration.ofSeconds(5), true);
    }

    public CuratorFramework client() {
        return client;
    }

    public String connectString() {
        return "127.0.0.1:" + server.port();
    }

    public void reset() throws Exception {
        try {
            client.delete().deletingChildrenIfNeeded().forPath(ZkPaths.ROOT);
        } catch (KeeperException.NoNodeException e) {
            // nothing to clean
        }
    }

    /** As {@code stage_config_manager.py -c}: statistics nodes present; admin priority 24 bytes of Python's getsizeof. */
    public void stage(String name, Optional<Double> avgMsgTime, long adminPriority, Optional<Instant> waitingSince) throws Exception {
        set(ZkPaths.stageAvgMsgTime(name), avgMsgTime.map(Double::toHexString).orElse(""));
        byte[] admin = new byte[24];
        byte[] value = BigInteger.valueOf(adminPriority).toByteArray();
        System.arraycopy(value, 0, admin, admin.length - value.length, value.length);
        setBytes(ZkPaths.stageAdministrativePriority(name), admin);
        set(ZkPaths.stageWaitingSince(name), waitingSince.map(ZkCodecs::isoTime).orElse(""));
        set(ZkPaths.stageConfigVersion(name), "1");
    }

    /** A worker's nodes; {@code connected} creates the ephemeral node in this fixture's session. */
    public void worker(String id, String status, String queue, boolean connected) throws Exception {
        set(ZkPaths.workerStatus(id), status);
        set(ZkPaths.workerQueue(id), queue);
        set(ZkPaths.workerEnabled(id), "true");
        if (connected) {
            client.create().withMode(CreateMode.EPHEMERAL).forPath(ZkPaths.workerConnected(id), ZkCodecs.text("true"));
        }
    }

    public void server(String listPath, String hostPort) throws Exception {
        client.create().orSetData().creatingParentsIfNeeded().forPath(ZkPaths.join(listPath, hostPort), new byte[0]);
    }

    public void set(String path, String text) throws Exception {
        setBytes(path, ZkCodecs.text(text));
    }

    public void setBytes(String path, byte[] data) throws Exception {
        client.create().orSetData().creatingParentsIfNeeded().forPath(path, data);
    }

    public String read(String path) throws Exception {
        return ZkCodecs.text(client.getData().forPath(path));
    }

    public int version(String path) throws Exception {
        return client.checkExists().forPath(path).getVersion();
    }

    public boolean exists(String path) throws Exception {
        return client.checkExists().forPath(path) != null;
    }
}
