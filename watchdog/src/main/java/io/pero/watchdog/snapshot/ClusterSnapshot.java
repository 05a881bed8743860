package io.pero.watchdog.snapshot;

import io.pero.common.mq.depth.QueueDepth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Everything one scheduling cycle decides from, sampled at {@link #now()}.
 *
 * @param stages  schedulable stages (every statistics node present and readable), in ZooKeeper child order
 * @param queues  broker queues of vhost {@code pero}, in the order the broker listed them; the order breaks priority ties
 * @param workers every registered worker, in ZooKeeper child order, whatever its status
 * @param configHealth extension: per stage with counted configuration failures, its version and the count
 */
public record ClusterSnapshot(Instant now, List<StageState> stages, List<QueueDepth> queues, List<WorkerState> workers,
                              Map<String, ConfigHealth> configHealth) {
    public ClusterSnapshot {
        Objects.requireNonNull(now, "now");
        stages = List.copyOf(stages);
        queues = List.copyOf(queues);
        workers = List.copyOf(workers);
        configHealth = Map.copyOf(configHealth);
    }

    /** A snapshot without configuration failures. */
    public ClusterSnapshot(Instant now, List<StageState> stages, List<QueueDepth> queues, List<WorkerState> workers) {
        this(now, stages, queues, workers, Map.of());
    }

    /** The same cluster with {@code names} not schedulable (their workers and queues stay as they are). */
    public ClusterSnapshot withoutStages(Set<String> names) {
        return new ClusterSnapshot(now, stages.stream().filter(s -> !names.contains(s.name())).toList(), queues, workers,
                configHealth);
    }

    public Optional<StageState> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public OptionalLong depth(String queue) {
        return queues.stream().filter(q -> q.name().equals(queue)).mapToLong(QueueDepth::messages).findFirst();
    }

    public Optional<QueueDepth> queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public Optional<WorkerState> worker(String id) {
        return workers.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** Workers the original schedules (spec §7.2), in ZooKeeper order. */
    public List<WorkerState> schedulableWorkers() {
        return workers.stream().filter(WorkerState::schedulable).toList();
    }
}
