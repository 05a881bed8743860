package io.pero.watchdog.apply;

import io.pero.common.zk.ZkPaths;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes a worker's record ({@code /pero/worker/status/<id>}, recursively) as {@code controller.py -r} does. */
public final class WorkerRemover {
    private static final Logger log = LoggerFactory.getLogger(WorkerRemover.class);

    private final CuratorFramework client;
    private final WriteGuard guard;

    public WorkerRemover(CuratorFramework client, WriteGuard guard) {
        this.client = client;
        this.guard = guard;
    }

    /** Removes the worker unless this watchdog may not write or the worker has reconnected meanwhile; true when removed. */
    public boolean remove(String workerId) throws Exception {
        if (!guard.mayWrite() || client.checkExists().forPath(ZkPaths.workerConnected(workerId)) != null) {
            return false;
        }
        try {
            client.delete().deletingChildrenIfNeeded().forPath(ZkPaths.worker(workerId));
            log.info("worker removed worker_id={} reason=disconnected beyond remove_dead_after", workerId);
            return true;
        } catch (KeeperException.NoNodeException e) {
            return false;
        }
    }
}
