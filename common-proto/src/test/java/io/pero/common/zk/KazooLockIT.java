package io.pero.common.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.Credentials;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.testing.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class KazooLockIT {
    private static final Pattern KAZOO_NODE = Pattern.compile("[0-9a-f]{32}__lock__\\d{10}");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static EmbeddedZooKeeper zk;
    private final List<CuratorFramework> clients = new ArrayList<>();
    private CuratorFramework clientA;
    private CuratorFramework clientB;
    private String lockPath;

    @BeforeAll
    static void startZooKeeper() {
        zk = EmbeddedZooKeeper.start(0);
    }

    @AfterAll
    static void stopZooKeeper() {
        zk.close();
    }

    @BeforeEach
    void twoWorkers(TestInfo test) {
        clientA = client(Duration.ofSeconds(10));
        clientB = client(Duration.ofSeconds(10));
        lockPath = ZkPaths.stageAvgMsgTimeLock("it-" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closeClients() {
        clients.forEach(CuratorFramework::close);
    }

    @Test
    void lockNodeIsNamedAndFilledAsKazooDoesAndReleaseRemovesIt() throws Exception {
        KazooLock lock = new KazooLock(clientA, lockPath, "worker-a");

        assertTrue(lock.acquire(WAIT));

        List<String> children = clientB.getChildren().forPath(lockPath);
        assertEquals(1, children.size());
        assertTrue(KAZOO_NODE.matcher(children.get(0)).matches(), children.get(0));
        assertEquals("worker-a", new String(clientB.getData().forPath(lockPath + "/" + children.get(0)), StandardCharsets.UTF_8));
        assertTrue(lock.isHeld());

        lock.release();
        lock.release();
        assertEquals(List.of(), clientB.getChildren().forPath(lockPath));
        assertFalse(lock.isHeld());
    }

    @Test
    void secondContenderTimesOutWhileTheFirstHoldsAndLeavesNoNode() throws Exception {
        KazooLock a = new KazooLock(clientA, lockPath, "worker-a");
        KazooLock b = new KazooLock(clientB, lockPath, "worker-b");
        assertTrue(a.acquire(WAIT));

        long started = System.nanoTime();
        assertFalse(b.acquire(Duration.ofMillis(500)));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(450)) >= 0, "waited the timeout");
        assertEquals(1, clientA.getChildren().forPath(lockPath).size(), "only the holder's node is left");
        assertFalse(b.isHeld());
        a.release();
    }

    @Test
    void waiterGetsTheLockWhenTheHolderReleases() throws Exception {
        KazooLock a = new KazooLock(clientA, lockPath, "worker-a");
        KazooLock b = new KazooLock(clientB, lockPath, "worker-b");
        assertTrue(a.acquire(WAIT));

        CompletableFuture<Boolean> bAcquired = CompletableFuture.supplyAsync(() -> acquire(b, WAIT));
        Await.until(WAIT, () -> childCount() == 2, "the second contender's node to appear");
        assertFalse(bAcquired.isDone(), "b must wait while a holds the lock");

        a.release();

        assertTrue(bAcquired.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(b.isHeld());
        b.release();
    }

    @Test
    void twoWorkersNeverHoldTheLockAtTheSameTime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger entries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (CuratorFramework client : List.of(clientA, clientB)) {
                runs.add(pool.submit(() -> {
                    KazooLock lock = new KazooLock(client, lockPath, "worker");
                    for (int i = 0; i < 15; i++) {
                        if (!acquire(lock, WAIT)) {
                            throw new AssertionError("lock not acquired within " + WAIT);
                        }
                        if (inside.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        entries.incrementAndGet();
                        Thread.yield();
                        inside.decrementAndGet();
                        lock.release();
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30, entries.get());
        assertEquals(0, overlaps.get());
        assertEquals(0, childCount());
    }

    @Test
    void lockOfAWorkerWhoseSessionExpiredGoesToTheNextWorker() throws Exception {
        CuratorFramework shortSession = client(Duration.ofSeconds(2));
        KazooLock a = new KazooLock(shortSession, lockPath, "worker-a");
        KazooLock b = new KazooLock(clientB, lockPath, "worker-b");
        assertTrue(a.acquire(WAIT));

        // Drops the connection without closing the session, as a crashed process does: the server expires it.
        shortSession.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();

        assertTrue(b.acquire(WAIT));
        assertFalse(a.isHeld());
        a.release();
        assertTrue(b.isHeld(), "a's release after its session expired must not touch b's node");
        b.release();
    }

    @Test
    void missingLockParentIsCreated() throws Exception {
        KazooLock lock = new KazooLock(clientA, lockPath + "/deeper/still", "worker-a");

        assertTrue(lock.acquire(WAIT));
        lock.release();
    }

    private int childCount() {
        try {
            return clientA.getChildren().forPath(lockPath).size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean acquire(KazooLock lock, Duration timeout) {
        try {
            return lock.acquire(timeout);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private CuratorFramework client(Duration sessionTimeout) {
        CuratorFramework client = CuratorClients.startAndWait(
                ZkTestSettings.forConnectString(zk.connectString(), sessionTimeout, Credentials.none()), WAIT);
        clients.add(client);
        return client;
    }
}
