package io.pero.watchdog.read;

import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.NextStages;
import io.pero.common.zk.StageConfigFailures;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.watchdog.snapshot.ConfigHealth;
import io.pero.watchdog.snapshot.StageState;
import io.pero.watchdog.snapshot.WorkerState;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads stage and worker state from ZooKeeper (spec §3.2, §3.3, §7.2) into snapshot records. */
public final class ZkClusterReader {
    private static final Logger log = LoggerFactory.getLogger(ZkClusterReader.class);

    /** A node's data and version; version -1 when the node does not exist. */
    private record Node(Optional<String> text, int version) {
        static final Node MISSING = new Node(Optional.empty(), -1);
    }

    private final CuratorFramework client;
    /** Unreadable limits already warned about (path=value), so a bad node is reported once, not every cycle. */
    private final Set<String> warnedLimits = ConcurrentHashMap.newKeySet();

    public ZkClusterReader(CuratorFramework client) {
        this.client = client;
    }

    /** Schedulable stages: {@code waiting_since}, {@code avg_msg_time} and {@code administrative_priority} present and readable. */
    public List<StageState> stages() throws Exception {
        List<StageState> stages = new ArrayList<>();
        for (String name : children(ZkPaths.QUEUES)) {
            try {
                stage(name).ifPresent(stages::add);
            } catch (IllegalArgumentException e) {
                log.debug("stage not schedulable stage={} cause={}", name, e.getMessage());
            }
        }
        return stages;
    }

    private Optional<StageState> stage(String name) throws Exception {
        Node waiting = read(ZkPaths.stageWaitingSince(name));
        Node avg = read(ZkPaths.stageAvgMsgTime(name));
        Optional<byte[]> admin = readBytes(ZkPaths.stageAdministrativePriority(name));
        if (waiting.version() < 0 || avg.version() < 0 || admin.isEmpty()) {
            log.debug("stage not schedulable, statistics nodes missing stage={}", name);
            return Optional.empty();
        }
        OptionalDouble avgMsgTime = avgMsgTime(avg.text().orElse(""));
        // Differs from the original: an unparseable waiting_since counts as unset, so the stage is not stuck without waiting time.
        StageState stage = new StageState(name, avgMsgTime, waiting.text().flatMap(ZkCodecs::parseIsoTime),
                clampedPriority(ZkCodecs.parseUnsignedBigEndian(admin.get())),
                limit(name, ZkPaths.stageMinWorkers(name)), limit(name, ZkPaths.stageMaxWorkers(name)), waiting.version(),
                NextStages.parse(readBytes(ZkPaths.stageNextStages(name)).orElse(null)));
        return Optional.of(stage);
    }

    private static OptionalDouble avgMsgTime(String text) {
        Optional<Double> value = ZkCodecs.parseFloatHex(text);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        double v = value.get();
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("avg_msg_time " + text + " is not a non-negative number");
        }
        return OptionalDouble.of(v);
    }

    private static long clampedPriority(BigInteger value) {
        return value.bitLength() >= Long.SIZE ? Long.MAX_VALUE : value.longValue();
    }

    /** Extension limit nodes hold decimal text; absent or empty means no limit, anything else unreadable is warned about. */
    private OptionalInt limit(String stage, String path) throws Exception {
        String text = read(path).text().orElse("").trim();
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return OptionalInt.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        if (warnedLimits.add(path + "=" + text)) {
            log.warn("worker limit ignored stage={} path={} value={} expected=non-negative integer", stage, path, text);
        }
        return OptionalInt.empty();
    }

    /** Extension: the configuration failures counted for {@code stages} (only those with a count). */
    public Map<String, ConfigHealth> configHealth(List<StageState> stages) throws Exception {
        Map<String, ConfigHealth> health = new LinkedHashMap<>();
        for (StageState stage : stages) {
            Optional<StageConfigFailures> failures = readBytes(ZkPaths.stageConfigFailures(stage.name()))
                    .flatMap(StageConfigFailures::parse);
            if (failures.isPresent()) {
                String version = read(ZkPaths.stageConfigVersion(stage.name())).text().orElse("");
                health.put(stage.name(), new ConfigHealth(version, failures.get()));
            }
        }
        return health;
    }

    /** Every registered worker, whatever its status; workers removed while being read are left out. */
    public List<WorkerState> workers() throws Exception {
        List<WorkerState> workers = new ArrayList<>();
        for (String id : children(ZkPaths.WORKER_STATUS)) {
            worker(id).ifPresent(workers::add);
        }
        return workers;
    }

    private Optional<WorkerState> worker(String id) throws Exception {
        if (client.checkExists().forPath(ZkPaths.worker(id)) == null) {
            return Optional.empty();
        }
        // A missing or unknown status reads as PROCESSING_FAILED, as controller.py shows it: never scheduled.
        WorkerStatus written = read(ZkPaths.workerStatus(id)).text().flatMap(WorkerStatus::parse)
                .orElse(WorkerStatus.PROCESSING_FAILED);
        boolean connected = client.checkExists().forPath(ZkPaths.workerConnected(id)) != null;
        Node queue = read(ZkPaths.workerQueue(id));
        return Optional.of(new WorkerState(id, WorkerStatus.effective(written, connected), connected,
                queue.text().orElse("").trim(),
                read(ZkPaths.workerUnlockTime(id)).text().flatMap(ZkCodecs::parseIsoTime),
                switchSeconds(id), read(ZkPaths.workerActiveStage(id)).text().map(String::trim).filter(s -> !s.isEmpty()),
                queue.version()));
    }

    private OptionalDouble switchSeconds(String id) throws Exception {
        String text = read(ZkPaths.workerSwitchSeconds(id)).text().orElse("").trim();
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) && value >= 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            log.debug("switch time ignored worker_id={} value={}", id, text);
            return OptionalDouble.empty();
        }
    }

    private List<String> children(String path) throws Exception {
        try {
            return client.getChildren().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        }
    }

    private Node read(String path) throws Exception {
        Stat stat = new Stat();
        try {
            byte[] data = client.getData().storingStatIn(stat).forPath(path);
            return new Node(Optional.of(ZkCodecs.text(data)), stat.getVersion());
        } catch (KeeperException.NoNodeException e) {
            return Node.MISSING;
        }
    }

    private Optional<byte[]> readBytes(String path) throws Exception {
        try {
            return Optional.of(client.getData().forPath(path));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        }
    }
}
