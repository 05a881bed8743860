package io.pero.worker.zk;

import io.pero.common.config.ConfigException;
import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
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
     * Registers {@code workerId}.
     *
     * @throws ConfigException when a live worker already uses the id (its ephemeral node exists); nothing is overwritten
     */
    public static WorkerRegistration register(CuratorFramework zk, String workerId, Duration timeout) throws Exception {
        // Differs from the original: a duplicate id was an uncaught ValueError; it is a clear config error here (exit 3).
        if (zk.checkExists().forPath(ZkPaths.workerStatus(workerId)) != null
                && zk.checkExists().forPath(ZkPaths.workerConnected(workerId)) != null) {
            throw new ConfigException("duplicate worker id " + workerId + ": " + ZkPaths.workerConnected(workerId)
                    + " exists, so a worker with this id is running (or its session has not expired yet)");
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
