package io.pero.watchdog;

import io.pero.watchdog.plan.Move;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.common.mq.depth.QueueDepth;
import io.pero.watchdog.snapshot.StageState;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The watchdog's Prometheus metrics (README, Metrics): leadership, cycles, moves per stage pair, the queue depths and
 * waiting times the last cycle saw, and how long a cycle's read, plan and apply took. One per watchdog. Thread-safe.
 */
final class WatchdogMetrics {
    private static final double[] CYCLE_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final PrometheusRegistry registry;
    private final Counter cycles;
    private final Counter moves;
    private final Gauge queueMessages;
    private final Gauge waitingSeconds;
    private final Histogram cycleSeconds;
    private final Set<String> seenQueues = new HashSet<>();
    private final Set<String> seenStages = new HashSet<>();
    private volatile boolean lastCycleRead;

    WatchdogMetrics() {
        this(new PrometheusRegistry());
    }

    WatchdogMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        cycles = Counter.builder().name("pero_watchdog_cycles_total")
                .help("Scheduling cycles by result: planned, standby (not the leader), failed").labelNames("result")
                .register(registry);
        moves = Counter.builder().name("pero_watchdog_moves_total")
                .help("Workers moved, per source and target stage (from=\"\" for an idle worker)")
                .labelNames("from", "to").register(registry);
        queueMessages = Gauge.builder().name("pero_watchdog_queue_messages")
                .help("Messages in each stage queue as the last cycle read them").labelNames("queue").register(registry);
        waitingSeconds = Gauge.builder().name("pero_watchdog_stage_waiting_seconds").unit(Unit.SECONDS)
                .help("How long each stage's oldest work has waited without a worker (waiting_since), at the last cycle")
                .labelNames("stage").register(registry);
        cycleSeconds = Histogram.builder().name("pero_watchdog_plan_seconds").unit(Unit.SECONDS)
                .help("Time one cycle took to read the cluster, plan and write the moves")
                .classicUpperBounds(CYCLE_BUCKETS).classicOnly().register(registry);
    }

    PrometheusRegistry registry() {
        return registry;
    }

    /** 1 while this watchdog may write (leader, or leader election off). */
    void leader(BooleanSupplier mayWrite) {
        GaugeWithCallback.builder().name("pero_watchdog_leader")
                .help("1 while this watchdog is the elected leader and writes moves, else 0")
                .callback(cb -> cb.call(mayWrite.getAsBoolean() ? 1 : 0)).register(registry);
    }

    void cycle(String result) {
        cycles.labelValues(result).inc();
        lastCycleRead = !result.equals("failed");
    }

    /** False before the first cycle and after a failed one (ZooKeeper or RabbitMQ unreadable); a standby cycle counts. */
    boolean lastCycleRead() {
        return lastCycleRead;
    }

    void cycleTook(Duration took) {
        cycleSeconds.observe(took.toNanos() / 1e9);
    }

    /** What the cycle saw; series of queues and stages that disappeared are removed. */
    synchronized void observed(ClusterSnapshot snapshot) {
        Set<String> queues = new HashSet<>();
        for (QueueDepth q : snapshot.queues()) {
            queueMessages.labelValues(q.name()).set(q.messages());
            queues.add(q.name());
        }
        seenQueues.stream().filter(q -> !queues.contains(q)).forEach(queueMessages::remove);
        seenQueues.retainAll(queues);
        seenQueues.addAll(queues);
        Set<String> stages = new HashSet<>();
        for (StageState s : snapshot.stages()) {
            s.waitingSince().ifPresent(since -> {
                waitingSeconds.labelValues(s.name()).set(Math.max(0, Duration.between(since, snapshot.now()).toMillis() / 1e3));
                stages.add(s.name());
            });
        }
        seenStages.stream().filter(s -> !stages.contains(s)).forEach(waitingSeconds::remove);
        seenStages.retainAll(stages);
        seenStages.addAll(stages);
    }

    void moved(List<Move> applied) {
        applied.forEach(m -> moves.labelValues(m.from() == null ? "" : m.from(), m.to()).inc());
    }
}
