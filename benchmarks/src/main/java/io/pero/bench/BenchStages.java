package io.pero.bench;

import com.rabbitmq.client.Channel;
import io.pero.common.mq.QueueTopology;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two zero-time DUMMY stages and an output queue with names unique to one run. Creates them exactly as
 * {@code pero-stage-config -n <stage> -c <config.ini>} and {@code -n <output>} would, and deletes them again.
 */
record BenchStages(String stage1, String stage2, String output) {
    /** TIME_SCALE=0 and no TIME_DELTA: the dummy processor returns at once, so only the plumbing is measured. */
    private static final Logger log = LoggerFactory.getLogger(BenchStages.class);
    static final String DUMMY_CONFIG = "[WORKER]\nDUMMY = 1\nTIME_SCALE = 0\n";

    static BenchStages unique() {
        byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        return new BenchStages("bench-s1-" + id, "bench-s2-" + id, "bench-out-" + id);
    }

    /** The random part shared by the three names, to tag everything else this run creates. */
    String runId() {
        return stage1.substring("bench-s1-".length());
    }

    /** {@code processing_stages} of a request: both stages, then the output queue. */
    List<String> pipeline() {
        return List.of(stage1, stage2, output);
    }

    void create(CuratorFramework zk, Channel channel) throws Exception {
        String version = ZkCodecs.isoTime(Instant.now());
        for (String stage : List.of(stage1, stage2)) {
            put(zk, ZkPaths.stageConfig(stage), DUMMY_CONFIG.getBytes(StandardCharsets.UTF_8));
            put(zk, ZkPaths.stageConfigPath(stage), new byte[0]);
            put(zk, ZkPaths.stageConfigVersion(stage), ZkCodecs.text(version));
            put(zk, ZkPaths.stageAvgMsgTime(stage), new byte[0]);
            put(zk, ZkPaths.stageWaitingSince(stage), new byte[0]);
            put(zk, ZkPaths.stageAdministrativePriority(stage), ZkCodecs.unsignedBigEndian(0));
            QueueTopology.declareStageQueue(channel, stage);
        }
        QueueTopology.declareStageQueue(channel, output);
    }

    /** Deletes the znodes and queues; each step is attempted even if an earlier one failed. */
    void delete(CuratorFramework zk, Channel channel) {
        for (String stage : List.of(stage1, stage2)) {
            try {
                zk.delete().quietly().deletingChildrenIfNeeded().forPath(ZkPaths.stage(stage));
            } catch (Exception e) {
                log.warn("cannot delete stage znode path={} cause={}", ZkPaths.stage(stage), e.toString());
            }
        }
        for (String queue : pipeline()) {
            try {
                QueueTopology.deleteQueue(channel, queue);
            } catch (Exception e) {
                log.warn("cannot delete queue queue={} cause={}", queue, e.toString());
            }
        }
    }

    private static void put(CuratorFramework zk, String path, byte[] data) throws Exception {
        zk.create().orSetData().creatingParentsIfNeeded().forPath(path, data);
    }
}
