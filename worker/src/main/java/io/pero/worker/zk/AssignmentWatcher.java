package io.pero.worker.zk;

import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the worker's {@code queue} and {@code enabled} znodes (spec §6.2 step 10) with single-node caches, which fire
 * once with the current value and then on every change, and re-reads both after a reconnect (events may be missed).
 */
public final class AssignmentWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AssignmentWatcher.class);

    private final CuratorFramework zk;
    private final String queuePath;
    private final String enabledPath;
    private final AssignmentListener listener;
    private final CuratorCache queueCache;
    private final CuratorCache enabledCache;
    private final ConnectionStateListener connectionListener = this::connectionChanged;
    private final Executor rereadExecutor;

    /** {@code rereadExecutor} runs the blocking re-read after a reconnect, off Curator's event thread. */
    public AssignmentWatcher(CuratorFramework zk, String workerId, AssignmentListener listener, Executor rereadExecutor) {
        this.zk = zk;
        this.rereadExecutor = rereadExecutor;
        this.queuePath = ZkPaths.workerQueue(workerId);
        this.enabledPath = ZkPaths.workerEnabled(workerId);
        this.listener = listener;
        this.queueCache = CuratorCache.build(zk, queuePath, CuratorCache.Options.SINGLE_NODE_CACHE);
        this.enabledCache = CuratorCache.build(zk, enabledPath, CuratorCache.Options.SINGLE_NODE_CACHE);
    }

    public void start() {
        queueCache.listenable().addListener(CuratorCacheListener.builder()
                .forAll((type, oldData, data) -> queueEvent(data)).build());
        enabledCache.listenable().addListener(CuratorCacheListener.builder()
                .forAll((type, oldData, data) -> enabledEvent(data)).build());
        zk.getConnectionStateListenable().addListener(connectionListener);
        queueCache.start();
        enabledCache.start();
    }

    private void queueEvent(ChildData data) {
        if (data == null) {
            listener.queueAssigned("", -1);
        } else {
            listener.queueAssigned(ZkCodecs.text(data.getData()).trim(), data.getStat().getVersion());
        }
    }

    private void enabledEvent(ChildData data) {
        listener.enabledChanged(data == null ? Optional.empty() : Optional.of(ZkCodecs.text(data.getData())));
    }

    private void connectionChanged(CuratorFramework client, ConnectionState state) {
        switch (state) {
            case SUSPENDED -> log.warn("zookeeper connection suspended; processing continues, status writes held");
            case LOST -> log.warn("zookeeper session lost; processing continues, waiting for a new session");
            case RECONNECTED -> {
                log.info("zookeeper reconnected");
                listener.reconnected();
                rereadExecutor.execute(this::reread);
            }
            default -> {
            }
        }
    }

    /** Reads both nodes directly; duplicates of cache events are harmless (the listener checks versions). */
    private void reread() {
        try {
            Stat stat = new Stat();
            byte[] queue = zk.getData().storingStatIn(stat).forPath(queuePath);
            listener.queueAssigned(ZkCodecs.text(queue).trim(), stat.getVersion());
        } catch (KeeperException.NoNodeException e) {
            listener.queueAssigned("", -1);
        } catch (Exception e) {
            log.warn("queue node not re-read after reconnect path={} cause={}", queuePath, e.toString());
        }
        try {
            listener.enabledChanged(Optional.of(ZkCodecs.text(zk.getData().forPath(enabledPath))));
        } catch (KeeperException.NoNodeException e) {
            listener.enabledChanged(Optional.empty());
        } catch (Exception e) {
            log.warn("enabled node not re-read after reconnect path={} cause={}", enabledPath, e.toString());
        }
    }

    @Override
    public void close() {
        zk.getConnectionStateListenable().removeListener(connectionListener);
        queueCache.close();
        enabledCache.close();
    }
}
