package io.pero.cli.stage;

import io.pero.cli.ZkNodes;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads stage configuration from ZooKeeper for {@code -s} and {@code -i}. */
public final class StageReader {
    private static final Logger log = LoggerFactory.getLogger(StageReader.class);

    private final ZkNodes zk;

    public StageReader(ZkNodes zk) {
        this.zk = zk;
    }

    public Optional<StageInfo> read(String stage) throws Exception {
        if (!zk.exists(ZkPaths.stage(stage))) {
            return Optional.empty();
        }
        return Optional.of(new StageInfo(stage,
                text(ZkPaths.stageConfig(stage)),
                text(ZkPaths.stageConfigPath(stage)),
                text(ZkPaths.stageConfigVersion(stage)),
                ZkCodecs.parseUnsignedBigEndian(zk.read(ZkPaths.stageAdministrativePriority(stage)).orElse(null)),
                avgMsgTime(stage),
                text(ZkPaths.stageWaitingSince(stage)),
                text(ZkPaths.stageMinWorkers(stage)).trim(),
                text(ZkPaths.stageMaxWorkers(stage)).trim()));
    }

    public List<String> stages() throws Exception {
        return zk.children(ZkPaths.QUEUES);
    }

    private String text(String path) throws Exception {
        return ZkCodecs.text(zk.read(path).orElse(null));
    }

    private Optional<Double> avgMsgTime(String stage) throws Exception {
        String raw = text(ZkPaths.stageAvgMsgTime(stage));
        try {
            return ZkCodecs.parseFloatHex(raw);
        } catch (IllegalArgumentException e) {
            log.warn("unreadable avg_msg_time stage={} value={}", stage, raw);
            return Optional.empty();
        }
    }
}
