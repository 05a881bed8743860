package io.pero.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;

class EmbeddedZooKeeperIT {

    private static CuratorFramework client(EmbeddedZooKeeper zk) {
        CuratorFramework c = CuratorFrameworkFactory.builder().connectString(zk.connectString())
                .sessionTimeoutMs(30_000).connectionTimeoutMs(5_000).retryPolicy(new RetryOneTime(200)).build();
        c.start();
        return c;
    }

    @Test
    void clientConnectsAndDataSurvivesStopAndRestart() throws Exception {
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(0)) {
            assertTrue(zk.port() > 0, "a free port was chosen");
            assertTrue(zk.connectString().endsWith(":" + zk.port()), zk.connectString());
            try (CuratorFramework c = client(zk)) {
                assertTrue(c.blockUntilConnected(10, TimeUnit.SECONDS), "connected to " + zk.connectString());
                c.create().creatingParentsIfNeeded().forPath("/pero/test", "kept".getBytes(StandardCharsets.UTF_8));
            }
            zk.stop();
            try (CuratorFramework c = client(zk)) {
                assertFalse(c.blockUntilConnected(1, TimeUnit.SECONDS), "no server while stopped");
            }
            zk.restart();
            try (CuratorFramework c = client(zk)) {
                assertTrue(c.blockUntilConnected(10, TimeUnit.SECONDS), "connected after restart");
                assertArrayEquals("kept".getBytes(StandardCharsets.UTF_8), c.getData().forPath("/pero/test"));
            }
        }
    }
}
