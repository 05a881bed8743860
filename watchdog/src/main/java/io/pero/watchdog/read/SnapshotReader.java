package io.pero.watchdog.read;

import io.pero.common.mq.depth.QueueDepthSource;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.StageState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** One consistent-enough picture of the cluster: the time first (the original's {@code sample_time}), then ZooKeeper, then the broker. */
public final class SnapshotReader {
    private final ZkClusterReader zk;
    private final QueueDepthSource depths;
    private final Clock clock;

    public SnapshotReader(ZkClusterReader zk, QueueDepthSource depths, Clock clock) {
        this.zk = zk;
        this.depths = depths;
        this.clock = clock;
    }

    public ClusterSnapshot read() throws Exception {
        Instant now = clock.instant();
        List<StageState> stages = zk.stages();
        return new ClusterSnapshot(now, stages, depths.read(stages.stream().map(StageState::name).toList()), zk.workers(),
                zk.configHealth(stages));
    }
}
