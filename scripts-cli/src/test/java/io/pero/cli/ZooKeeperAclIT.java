package io.pero.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.cli.support.Cli;
import io.pero.cli.support.CliResult;
import io.pero.common.config.Credentials;
import io.pero.common.config.ExitCodes;
import io.pero.common.config.Secret;
import io.pero.common.net.ServerAddress;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.common.zk.ZkSettings;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import io.pero.testing.ZooKeeperSaslUsers;
import io.pero.worker.WorkerMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zk_acl = creator} / {@code --zk-acl creator} (issue 9 item 8, optional): the znodes a component creates belong
 * to its SASL user; another ZooKeeper user can neither read nor change them. {@code open} stays the default.
 */
class ZooKeeperAclIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private final String pero = TestBroker.uniqueName("acl-pero");
    private final String peroPassword = "pero-" + UUID.randomUUID();
    private final String otherPassword = "mallory-" + UUID.randomUUID();
    private ZooKeeperSaslUsers users;
    private EmbeddedZooKeeper zooKeeper;
    private Cli cli;

    @BeforeEach
    void start() {
        users = ZooKeeperSaslUsers.install(Map.of(pero, peroPassword, "mallory", otherPassword));
        zooKeeper = EmbeddedZooKeeper.start(0);
        cli = new Cli(zooKeeper.connectString());
    }

    @AfterEach
    void stop() {
        try {
            zooKeeper.close();
        } finally {
            users.close();
        }
    }

    @Test
    void nodesCreatedWithCreatorAclAreClosedToOtherUsers() throws Exception {
        ok(cli.serverConfig("-u", pero, "-p", peroPassword, "--zk-acl", "creator", "--add-mq-servers", "mq1:5672"));
        String node = ZkPaths.join(ZkPaths.MQ_SERVERS, "mq1:5672");

        try (CuratorFramework owner = connect(pero, peroPassword); CuratorFramework mallory = connect("mallory", otherPassword)) {
            assertEquals(List.of(new ACL(ZooDefs.Perms.ALL, new Id("sasl", pero))), owner.getACL().forPath(ZkPaths.ROOT));
            assertEquals(List.of(new ACL(ZooDefs.Perms.ALL, new Id("sasl", pero))), owner.getACL().forPath(node));
            assertThrows(KeeperException.NoAuthException.class, () -> mallory.setData().forPath(node, new byte[] {1}));
            assertThrows(KeeperException.NoAuthException.class, () -> mallory.delete().forPath(node));
            assertThrows(KeeperException.NoAuthException.class,
                    () -> mallory.create().forPath(ZkPaths.join(ZkPaths.MQ_SERVERS, "evil:5672")));
            assertThrows(KeeperException.NoAuthException.class, () -> mallory.getData().forPath(node));

            CliResult refused = cli.serverConfig("-u", "mallory", "-p", otherPassword, "--rm-mq-servers", "mq1:5672");
            assertNotEquals(ExitCodes.OK, refused.code(), refused.toString());
            assertNotNull(owner.checkExists().forPath(node), "still there after another user's attempt");

            ok(cli.serverConfig("-u", pero, "-p", peroPassword, "--zk-acl", "creator", "--rm-mq-servers", "mq1:5672"));
            assertEquals(List.of(), owner.getChildren().forPath(ZkPaths.MQ_SERVERS), "the owner may change its nodes");
        }
    }

    @Test
    void openIsTheDefaultAsInTheOriginal() throws Exception {
        ok(cli.serverConfig("-u", pero, "-p", peroPassword, "--add-mq-servers", "mq1:5672"));
        String node = ZkPaths.join(ZkPaths.MQ_SERVERS, "mq1:5672");
        try (CuratorFramework mallory = connect("mallory", otherPassword)) {
            mallory.setData().forPath(node, new byte[] {1});
            assertArrayEquals(new byte[] {1}, mallory.getData().forPath(node));
        }
    }

    @Test
    void creatorAclWithoutAUsernameIsABadConfiguration() {
        CliResult r = cli.serverConfig("--zk-acl", "creator", "--add-mq-servers", "mq1:5672");
        assertEquals(ExitCodes.BAD_CONFIG, r.code(), r.toString());
        assertTrue(r.err().contains("zk_acl=creator needs a username"), r.toString());
        CliResult bad = cli.serverConfig("--zk-acl", "private", "--add-mq-servers", "mq1:5672");
        assertEquals(ExitCodes.BAD_CONFIG, bad.code(), bad.toString());
        assertTrue(bad.err().contains("--zk-acl=private: must be open or creator"), bad.toString());
    }

    @Test
    void workerWithCreatorAclOwnsItsStatusNodes() throws Exception {
        TestBroker broker = TestBroker.get();
        broker.createUser(pero, peroPassword); // the worker's one login also goes to RabbitMQ
        try (CuratorFramework owner = connect(pero, peroPassword); CuratorFramework mallory = connect("mallory", otherPassword)) {
            owner.create().creatingParentsIfNeeded().forPath(ZkPaths.join(ZkPaths.MQ_SERVERS,
                    broker.host() + ":" + broker.port()));
            String id = TestBroker.uniqueName("acl-worker");
            CompletableFuture<Integer> worker = CompletableFuture.supplyAsync(() -> WorkerMain.run("-z",
                    zooKeeper.connectString(), "-i", id, "-u", pero, "-p", peroPassword, "--zk-acl", "creator",
                    "--cache-directory", tmp.toString(), "--disable-remote-logging", "--shutdown-timeout", "10"));
            Await.until(WAIT, () -> "IDLE".equals(read(owner, ZkPaths.workerStatus(id))), "worker " + id + " IDLE");

            assertEquals(List.of(new ACL(ZooDefs.Perms.ALL, new Id("sasl", pero))),
                    owner.getACL().forPath(ZkPaths.workerQueue(id)));
            assertThrows(KeeperException.NoAuthException.class,
                    () -> mallory.setData().forPath(ZkPaths.workerQueue(id), ZkCodecs.text("elsewhere")));
            assertThrows(KeeperException.NoAuthException.class,
                    () -> mallory.setData().forPath(ZkPaths.workerEnabled(id), ZkCodecs.text("false")));

            owner.setData().forPath(ZkPaths.workerEnabled(id), ZkCodecs.text("false"));
            assertEquals(ExitCodes.OK, worker.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            broker.deleteUser(pero);
        }
    }

    private CuratorFramework connect(String user, String password) {
        return CuratorClients.startAndWait(new ZkSettings(List.of(ServerAddress.of("127.0.0.1", zooKeeper.port())),
                new Credentials(Optional.of(user), Secret.of(password), Optional.empty()), Duration.ofSeconds(10),
                Duration.ofSeconds(5), true), Duration.ofSeconds(10));
    }

    private static String read(CuratorFramework zk, String path) {
        try {
            return zk.checkExists().forPath(path) == null ? null : ZkCodecs.text(zk.getData().forPath(path));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CliResult ok(CliResult r) {
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        return r;
    }
}
