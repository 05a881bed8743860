package io.pero.common.zk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ServiceUnavailableException;
import io.pero.embedded.EmbeddedZooKeeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CuratorClientsIT {
    private static EmbeddedZooKeeper zk;

    @BeforeAll
    static void startZooKeeper() {
        zk = EmbeddedZooKeeper.start(0);
    }

    @AfterAll
    static void stopZooKeeper() {
        zk.close();
    }

    @Test
    void connectsAndWritesToTheServer() throws Exception {
        try (CuratorFramework client = CuratorClients.startAndWait(ZkTestSettings.forConnectString(zk.connectString()),
                Duration.ofSeconds(10))) {
            client.create().creatingParentsIfNeeded().forPath("/it/connects", "hello".getBytes(StandardCharsets.UTF_8));

            assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), client.getData().forPath("/it/connects"));
        }
    }

    @Test
    void deadServerGivesServiceUnavailableWithinTheTimeoutNamingTheServer() {
        String deadServer = "127.0.0.1:" + ZkTestSettings.deadPort();
        long started = System.nanoTime();

        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                () -> CuratorClients.startAndWait(ZkTestSettings.forConnectString(deadServer), Duration.ofSeconds(2)));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals("ZooKeeper unreachable at " + deadServer + " after 2 s", e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "gave up after " + took);
    }
}
