package io.pero.worker.zk;

import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's record under {@code /pero/worker/status/<id>} (spec §6.2 step 3): checks the id is free, ensures the nodes,
 * writes {@code STARTING} and {@code enabled=true}, keeps {@code queue} and {@code unlock_time} (a restarted worker
 * resumes its stage), and keeps the ephemeral {@code status/connected=true} alive with a {@link PersistentNode}.
 */
public final class WorkerRegistration implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerRegistration.class);
    private static final byte[] TRUE = ZkCodecs.text("true");
    /** Beyond the session timeout: the server expires sessions on tick boundaries, and clocks drift. */
    static final Duration STALE_NODE_MARGIN = Duration.ofSeconds(5);

    private final PersistentNode connected;

    private WorkerRegistration(PersistentNode connected) {
        this.connected = connected;
    }

    /** A fresh id as the original makes it: uuid4 hex, redrawn until no worker record has it. */
    public static String freshId(CuratorFramework zk) throws Exception {
        while (true) {
            String id = UUID.randomUUID().toString().replace("-", "");
            if (zk.checkExists().forPath(ZkPaths.worker(id)) == null) {
                return id;
            }
        }
    }

    /**
     * Registers {@code workerId}. A {@code connected} node left by a crashed worker (kill -9, power loss) lives until
     * its ZooKeeper session expires; registration waits for that, at most our session timeout plus
     * {@link #STALE_NODE_MARGIN}, and then goes ahead.
     *
     * @throws WorkerIdInUseException when the node outlives that wait: a live worker holds the id; nothing is overwritten
     */
    public static WorkerRegistration register(CuratorFramework zk, String workerId, Duration timeout) throws Exception {
        if (zk.checkExists().forPath(ZkPaths.workerStatus(workerId)) != null) {
            awaitStaleNodeExpiry(zk, workerId);
        }
        for (String path : new String[] {ZkPaths.workerStatus(workerId), ZkPaths.workerQueue(workerId),
                ZkPaths.workerEnabled(workerId), ZkPaths.workerUnlockTime(workerId)}) {
            ensure(zk, path);
        }
        zk.setData().forPath(ZkPaths.workerStatus(workerId), ZkCodecs.text(WorkerStatus.STARTING.wire()));
        zk.setData().forPath(ZkPaths.workerEnabled(workerId), TRUE);
        // Differs from the original: a PersistentNode re-creates the ephemeral node after every reconnect and session
        // loss, where the original's manual re-create could fail on the old session's node (spec §12 item 11).
        PersistentNode node = new PersistentNode(zk, CreateMode.EPHEMERAL, false, ZkPaths.workerConnected(workerId), TRUE);
        node.start();
        if (!node.waitForInitialCreate(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            node.close();
            throw new IOException("ephemeral node " + ZkPaths.workerConnected(workerId) + " not created within " + timeout);
        }
        log.debug("worker registered worker_id={}", workerId);
        return new WorkerRegistration(node);
    }

    /**
     * Waits until {@code connected} is gone. The node cannot tell whether its session is dead (a crash) or alive (a
     * second worker with the same id): only expiry tells, and a dead session expires within the session timeout, counted
     * from the last time the server started (see {@link StaleNodeDeadline}).
     */
    private static void awaitStaleNodeExpiry(CuratorFramework zk, String workerId) throws Exception {
        String path = ZkPaths.workerConnected(workerId);
        Stat stat = zk.checkExists().forPath(path);
        if (stat == null) {
            return;
        }
        Duration wait = Duration.ofMillis(zk.getZookeeperClient().getZooKeeper().getSessionTimeout())
                .plus(STALE_NODE_MARGIN);
        log.warn("worker id {} still has its connected node (owner session 0x{}): waiting up to {} s for it to expire, "
                        + "as it does when the previous worker with this id crashed; a running worker keeps it",
                workerId, Long.toHexString(stat.getEphemeralOwner()), wait.toSeconds());
        long started = System.nanoTime();
        StaleNodeDeadline deadline = new StaleNodeDeadline(started, wait);
        ConnectionStateListener onReconnect = (client, state) -> {
            if (state == ConnectionState.RECONNECTED) {
                deadline.reconnected(System.nanoTime());
            }
        };
        zk.getConnectionStateListenable().addListener(onReconnect);
        try {
            Duration left;
            while (!NodeDeletion.await(zk, path, deadline.remaining(System.nanoTime()))) {
                left = deadline.remaining(System.nanoTime());
                if (left.isZero()) {
                    // Differs from the original: a duplicate id was an uncaught ValueError; here it is refused after
                    // the wait with its own exit code, which systemd retries (the other worker may be on its way out).
                    throw new WorkerIdInUseException("duplicate worker id " + workerId + ": " + path + " still exists after "
                            + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s (owner session 0x"
                            + Long.toHexString(stat.getEphemeralOwner()) + "), so a running worker uses this id");
                }
                log.warn("reconnected to ZooKeeper while waiting for the connected node of worker id {} to expire: a "
                        + "restarted server gives its session a full timeout again; waiting {} s more", workerId,
                        left.toSeconds());
            }
        } finally {
            zk.getConnectionStateListenable().removeListener(onReconnect);
        }
        log.info("stale connected node expired worker_id={} waited_ms={}", workerId,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static void ensure(CuratorFramework zk, String path) throws Exception {
        try {
            zk.create().creatingParentsIfNeeded().forPath(path, new byte[0]);
        } catch (KeeperException.NodeExistsException e) {
            // Kept as it is: existing queue and unlock_time values are the worker's assignment.
        }
    }

    /** Removes the ephemeral node (the worker leaves; its status stays as last written). */
    @Override
    public void close() {
        try {
            connected.close();
        } catch (IOException e) {
            log.warn("ephemeral node not removed cause={}", e.toString());
        }
    }
}
