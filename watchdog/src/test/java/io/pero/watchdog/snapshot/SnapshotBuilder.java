package io.pero.watchdog.snapshot;

import io.pero.common.mq.depth.QueueDepth;
import io.pero.common.status.WorkerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Test data: {@code aSnapshot(now).stage(stage("a", 2)).queue("a", 10).worker(worker("w1", IDLE, "")).build()}. */
public final class SnapshotBuilder {
    private final Instant now;
    private final List<StageState> stages = new ArrayList<>();
    private final List<QueueDepth> queues = new ArrayList<>();
    private final List<WorkerState> workers = new ArrayList<>();

    private SnapshotBuilder(Instant now) {
        this.now = now;
    }

    public static SnapshotBuilder aSnapshot(Instant now) {
        return new SnapshotBuilder(now);
    }

    /** A stage with {@code avgMsgTime} seconds per message; a negative value means "no statistics yet" (empty node). */
    public static StageState stage(String name, double avgMsgTime) {
        return StageState.of(name, avgMsgTime < 0 ? OptionalDouble.empty() : OptionalDouble.of(avgMsgTime));
    }

    public static WorkerState worker(String id, WorkerStatus status, String queue) {
        return WorkerState.of(id, status, queue);
    }

    /** A worker that reports the JVM extension nodes (so it is not taken for a Python worker). */
    public static WorkerState jvmWorker(String id, WorkerStatus status, String queue, double switchSeconds) {
        return WorkerState.of(id, status, queue).withSwitchSeconds(OptionalDouble.of(switchSeconds));
    }

    public SnapshotBuilder stage(StageState stage) {
        stages.add(stage);
        return this;
    }

    public SnapshotBuilder queue(String name, long messages) {
        queues.add(new QueueDepth(name, messages));
        return this;
    }

    /** A queue whose {@code messages} include {@code messages - ready} held unacknowledged by workers. */
    public SnapshotBuilder queue(String name, long messages, long ready) {
        queues.add(new QueueDepth(name, messages, ready));
        return this;
    }

    public SnapshotBuilder worker(WorkerState worker) {
        workers.add(worker);
        return this;
    }

    public ClusterSnapshot build() {
        return new ClusterSnapshot(now, stages, queues, workers);
    }
}
