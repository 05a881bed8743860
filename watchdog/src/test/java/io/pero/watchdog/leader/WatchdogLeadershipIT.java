package io.pero.watchdog.leader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.zk.CuratorClients;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.testing.Await;
import io.pero.watchdog.testing.ZkFixture;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatchdogLeadershipIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private EmbeddedZooKeeper server;
    private CuratorFramework clientOne;
    private CuratorFramework clientTwo;
    private WatchdogLeadership one;
    private WatchdogLeadership two;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedZooKeeper.start(0);
        clientOne = CuratorClients.startAndWait(ZkFixture.settings(server), WAIT);
        clientTwo = CuratorClients.startAndWait(ZkFixture.settings(server), WAIT);
        one = new WatchdogLeadership(clientOne, "one");
        two = new WatchdogLeadership(clientTwo, "two");
        one.start();
        assertTrue(one.awaitLeadership(WAIT), "the first watchdog leads");
        two.start();
    }

    @AfterEach
    void stop() throws Exception {
        one.close();
        two.close();
        clientOne.close();
        clientTwo.close();
        server.close();
    }

    @Test
    void onlyOneWatchdogMayWriteAndClosingItHandsOver() throws Exception {
        assertFalse(two.mayWrite(), "the second waits");

        one.close();

        Await.until(WAIT, two::mayWrite, "the second watchdog takes over");
        assertFalse(one.mayWrite());
    }

    @Test
    void aSuspendedConnectionStopsWritingAtOnceAndLeadershipIsReconfirmedAfterwards() throws Exception {
        server.stop();
        Await.until(WAIT, () -> !one.mayWrite(), "the leader stops writing when the connection is suspended");
        assertFalse(two.mayWrite());

        server.restart();

        Await.until(WAIT, () -> one.mayWrite() ^ two.mayWrite(), "exactly one watchdog leads again");
    }

    @Test
    void anExpiredSessionHandsLeadershipToTheOther() throws Exception {
        clientOne.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();

        Await.until(WAIT, two::mayWrite, "the second watchdog takes over when the leader's session expires");
        assertFalse(one.mayWrite(), "the expired leader does not write");
    }
}
