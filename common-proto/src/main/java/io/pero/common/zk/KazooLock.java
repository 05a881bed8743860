package io.pero.common.zk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kazoo {@code Lock} recipe (spec §3.2, §14), so Java and Python workers exclude each other on
 * {@code avg_msg_time_lock}: ephemeral sequential children {@code <uuid4hex>__lock__<10-digit seq>} with the
 * identifier as data; the lowest sequence (sorted by the suffix after {@code __lock__}) holds the lock.
 * Curator's InterProcessMutex names nodes differently and would not exclude kazoo clients.
 * <p>
 * Not reentrant; one instance is used by one thread at a time. The lock lives as long as the ZooKeeper session:
 * when the session expires, the node goes and another contender may take the lock, so keep critical sections short
 * and re-check with {@link #isHeld()} before writes that must not overlap.
 */
public final class KazooLock {
    private static final Logger log = LoggerFactory.getLogger(KazooLock.class);

    private final CuratorFramework client;
    private final String lockPath;
    private final byte[] data;
    /** kazoo fixes the prefix per Lock object: a fresh uuid4 hex and the node marker. */
    private final String prefix = UUID.randomUUID().toString().replace("-", "") + KazooLockOrder.LOCK_MARKER;
    /** Full path of our contender node while we hold or wait for the lock. */
    private final AtomicReference<String> ourNode = new AtomicReference<>();

    public KazooLock(CuratorFramework client, String lockPath, String identifier) {
        if (lockPath == null || !lockPath.startsWith("/") || lockPath.endsWith("/")) {
            throw new IllegalArgumentException("invalid lock path '" + lockPath + "'");
        }
        this.client = client;
        this.lockPath = lockPath;
        this.data = (identifier == null ? "" : identifier).getBytes(StandardCharsets.UTF_8);
    }

    /** Waits up to {@code timeout}; true when held. On false or exception nothing is left behind. */
    public boolean acquire(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (ourNode.get() != null) {
            throw new IllegalStateException("lock " + lockPath + " already held or being acquired by this instance");
        }
        String path = client.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath(lockPath + "/" + prefix, data);
        if (!ourNode.compareAndSet(null, path)) {
            deleteQuietly(path);
            throw new IllegalStateException("lock " + lockPath + " already held or being acquired by this instance");
        }
        boolean held = false;
        try {
            held = waitForTurn(path.substring(lockPath.length() + 1), deadline);
            return held;
        } finally {
            if (!held) {
                ourNode.set(null);
                deleteQuietly(path);
            }
        }
    }

    private boolean waitForTurn(String ourName, long deadline) throws Exception {
        while (true) {
            List<String> children = client.getChildren().forPath(lockPath);
            KazooLockOrder.Decision decision = KazooLockOrder.decide(children, ourName);
            if (!decision.present()) {
                throw new IllegalStateException("lock node " + lockPath + "/" + ourName + " vanished (session expired?)");
            }
            if (decision.holdsLock()) {
                return true;
            }
            CountDownLatch predecessorChanged = new CountDownLatch(1);
            Stat stat = client.checkExists().usingWatcher((Watcher) event -> predecessorChanged.countDown())
                    .forPath(lockPath + "/" + decision.predecessor().get());
            if (stat == null) {
                continue;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || !predecessorChanged.await(remaining, TimeUnit.NANOSECONDS)) {
                log.debug("lock wait timed out lock={} waiting_for={}", lockPath, decision.predecessor().get());
                return false;
            }
        }
    }

    /** True while our node exists and comes first; a cheap check against a server, for use before guarded writes. */
    public boolean isHeld() throws Exception {
        String path = ourNode.get();
        if (path == null) {
            return false;
        }
        try {
            List<String> children = client.getChildren().forPath(lockPath);
            return KazooLockOrder.decide(children, path.substring(lockPath.length() + 1)).holdsLock();
        } catch (KeeperException.NoNodeException e) {
            return false;
        }
    }

    /** Releases the lock if held; idempotent. */
    public void release() throws Exception {
        String path = ourNode.getAndSet(null);
        if (path == null) {
            return;
        }
        try {
            client.delete().guaranteed().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            // Already gone with an expired session: the lock is released either way.
            log.debug("lock node already gone lock={} node={}", lockPath, path);
        }
    }

    /** Deletes our node even when the waiting thread was interrupted, then restores the interrupt. */
    private void deleteQuietly(String path) {
        boolean interrupted = Thread.interrupted();
        try {
            client.delete().guaranteed().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            // Nothing to clean up.
        } catch (Exception e) {
            interrupted |= e instanceof InterruptedException;
            // guaranteed() keeps retrying the delete in the background; the ephemeral node also goes with the session.
            log.warn("cannot delete lock node now, retrying in background lock={} node={} cause={}", lockPath, path, e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
