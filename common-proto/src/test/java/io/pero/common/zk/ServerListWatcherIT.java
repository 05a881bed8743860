package io.pero.common.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pero.common.net.ServerAddress;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class ServerListWatcherIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static EmbeddedZooKeeper zk;
    private CuratorFramework client;
    private CuratorFramework admin;
    private String path;

    @BeforeAll
    static void startZooKeeper() {
        zk = EmbeddedZooKeeper.start(0);
    }

    @AfterAll
    static void stopZooKeeper() {
        zk.close();
    }

    @BeforeEach
    void clients(TestInfo test) {
        client = CuratorClients.startAndWait(ZkTestSettings.forConnectString(zk.connectString()), WAIT);
        admin = CuratorClients.startAndWait(ZkTestSettings.forConnectString(zk.connectString()), WAIT);
        path = "/it/" + test.getTestMethod().orElseThrow().getName() + "/mq_servers";
    }

    @AfterEach
    void closeClients() {
        client.close();
        admin.close();
    }

    @Test
    void followsServersAddedAndRemoved() throws Exception {
        addServer("mq1:5672");
        try (ServerListWatcher watcher = new ServerListWatcher(client, path)) {
            watcher.start();
            assertEquals(List.of(ServerAddress.of("mq1", 5672)), watcher.current(), "read at start");

            addServer("[::1]:5673");
            addServer("mq3");
            Await.until(WAIT, () -> Set.copyOf(watcher.current()).equals(
                    Set.of(ServerAddress.of("mq1", 5672), ServerAddress.of("::1", 5673), ServerAddress.of("mq3"))),
                    "three servers");

            admin.delete().forPath(path + "/mq1:5672");
            Await.until(WAIT, () -> Set.copyOf(watcher.current()).equals(
                    Set.of(ServerAddress.of("::1", 5673), ServerAddress.of("mq3"))), "mq1 removed");
        }
    }

    @Test
    void missingNodeIsAnEmptyListUntilItIsCreated() throws Exception {
        try (ServerListWatcher watcher = new ServerListWatcher(client, path)) {
            List<List<ServerAddress>> seen = new CopyOnWriteArrayList<>();
            watcher.addListener(seen::add);
            watcher.start();
            assertEquals(List.of(), watcher.current());

            addServer("mq1");

            Await.until(WAIT, () -> watcher.current().equals(List.of(ServerAddress.of("mq1"))), "server of a node created later");
            Await.until(WAIT, () -> seen.contains(List.of(ServerAddress.of("mq1"))), "listener told about the new list");

            admin.delete().deletingChildrenIfNeeded().forPath(path);
            Await.until(WAIT, () -> watcher.current().isEmpty(), "empty list after the node is deleted");
            Await.until(WAIT, () -> seen.get(seen.size() - 1).isEmpty(), "listener told about the empty list");
        }
    }

    @Test
    void badChildNamesAreLeftOut() throws Exception {
        addServer("not a host");
        addServer("mq1:99999");
        addServer("mq2:5672");
        try (ServerListWatcher watcher = new ServerListWatcher(client, path)) {
            watcher.start();

            assertEquals(List.of(ServerAddress.of("mq2", 5672)), watcher.current());
        }
    }

    @Test
    void listenersAreNotCalledAfterClose() throws Exception {
        List<List<ServerAddress>> seen = new CopyOnWriteArrayList<>();
        ServerListWatcher watcher = new ServerListWatcher(client, path);
        watcher.addListener(seen::add);
        watcher.start();
        watcher.close();
        watcher.close();

        addServer("mq1");
        // A second watcher that sees the change proves the event happened; the closed one must not have reported it.
        try (ServerListWatcher witness = new ServerListWatcher(client, path)) {
            witness.start();
            Await.until(WAIT, () -> witness.current().size() == 1, "witness sees the server");
        }
        assertEquals(List.of(), seen);
        assertThrows(IllegalStateException.class, watcher::start);
    }

    private void addServer(String name) throws Exception {
        admin.create().creatingParentsIfNeeded().forPath(path + "/" + name);
    }
}
