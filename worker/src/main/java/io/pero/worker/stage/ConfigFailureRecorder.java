package io.pero.worker.stage;

import io.pero.common.zk.StageConfigFailures;
import io.pero.common.zk.ZkPaths;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed configurations of a stage in its extension node {@code config_failures} (per config version, shared by
 * every worker), so the watchdog can stop sending workers to a stage that cannot be configured until its version
 * changes; a worker that configures the stage deletes the count. Read-modify-write with the znode version, as several
 * workers may fail at once. Never throws: the count is advice, the worker's own status says the rest.
 */
public final class ConfigFailureRecorder {
    private static final Logger log = LoggerFactory.getLogger(ConfigFailureRecorder.class);
    private static final int MAX_RACES = 5;

    private final CuratorFramework zk;

    public ConfigFailureRecorder(CuratorFramework zk) {
        this.zk = zk;
    }

    /** One more failure of {@code stage} at {@code version}. */
    public void failed(String stage, String version, String reason) {
        String path = ZkPaths.stageConfigFailures(stage);
        try {
            if (zk.checkExists().forPath(ZkPaths.stage(stage)) == null) {
                return; // stage deleted meanwhile: nothing to count against
            }
            for (int race = 0; race < MAX_RACES; race++) {
                Stat stat = new Stat();
                byte[] data;
                try {
                    data = zk.getData().storingStatIn(stat).forPath(path);
                } catch (KeeperException.NoNodeException e) {
                    try {
                        zk.create().forPath(path, new StageConfigFailures(version, 1, reason).encode());
                        return;
                    } catch (KeeperException.NodeExistsException raced) {
                        continue;
                    }
                }
                StageConfigFailures next = StageConfigFailures.parse(data).orElse(new StageConfigFailures("", 0, ""))
                        .plus(version, reason);
                try {
                    zk.setData().withVersion(stat.getVersion()).forPath(path, next.encode());
                    return;
                } catch (KeeperException.BadVersionException raced) {
                    // another worker counted meanwhile: read again
                }
            }
            log.warn("stage failure count not updated stage={} cause=too many concurrent updates", stage);
        } catch (Exception e) {
            log.warn("stage failure count not updated stage={} cause={}", stage, e.toString());
        }
    }

    /** {@code stage} was configured: its failures no longer matter. */
    public void succeeded(String stage) {
        try {
            zk.delete().forPath(ZkPaths.stageConfigFailures(stage));
        } catch (KeeperException.NoNodeException e) {
            // the common case: nothing had failed
        } catch (Exception e) {
            log.warn("stage failure count not cleared stage={} cause={}", stage, e.toString());
        }
    }
}
