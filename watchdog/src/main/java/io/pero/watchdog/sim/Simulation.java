package io.pero.watchdog.sim;

import io.pero.watchdog.plan.Move;
import io.pero.watchdog.plan.MoveHistory;
import io.pero.watchdog.plan.Plan;
import io.pero.watchdog.plan.RebalancePolicy;
import io.pero.watchdog.plan.Rebalancer;
import io.pero.watchdog.plan.WaitingSinceChange;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.common.mq.depth.QueueDepth;
import io.pero.watchdog.snapshot.StageState;
import io.pero.watchdog.snapshot.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Runs one scenario under one strategy: a policy consulted every cycle ({@link SimTiming#cycleSeconds()}), and with the JVM
 * watchdog also soon after events (a queue fills or drains, a worker reports IDLE), or none (the static assignment). Every
 * run starts from the static assignment, models loaded, unless the scenario names a start stage. Stage statistics
 * ({@code avg_msg_time}) are the true means, as a cluster that has run these stages before would have them; the pipeline
 * order ({@code next_stages}) is learned as messages are processed. The management API's counts are as of its last
 * refresh; the JVM watchdog's ready counts are fresh (passive declares), the original's are not.
 */
public final class Simulation {
    /** The watchdog's default cycle. */
    public static final double TICK_SECONDS = 10;
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    /** A run still going at this multiple of the lower bound counts as not finishing (a stage left without workers). */
    private static final double GIVE_UP_FACTOR = 20;

    /** What one run measured. */
    public record Result(double makespan, boolean finished, int switches) {
    }

    private enum Kind { ARRIVAL, MESSAGE_DONE, SWITCH_DONE, TICK, EVENT_PLAN, IDLE_REPORT, STATS_REFRESH }

    /** {@code burst}: the burst index of an ARRIVAL, the cycle generation of a TICK. */
    private record Event(double time, long seq, Kind kind, SimWorker worker, int burst) {
    }

    private final Scenario scenario;
    private final List<SimMessage> messages;
    private final Optional<RebalancePolicy> policy;
    private final Consumer<String> trace;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.time() != b.time() ? Double.compare(a.time(), b.time()) : Long.compare(a.seq(), b.seq()));
    private final List<Optional<Instant>> waitingSince = new ArrayList<>();
    private final SimCluster cluster;
    private final boolean jvmWatchdog;
    private final SimTiming timing;
    private final long[] statsTotal;
    private final long[] statsReady;
    private MoveHistory history = MoveHistory.empty();
    private double now;
    private long seq;
    private int tickGeneration;
    private boolean eventPlanPending;
    private int plans;

    private Simulation(Scenario scenario, long seed, Optional<RebalancePolicy> policy, boolean jvmWatchdog, Consumer<String> trace) {
        this.scenario = scenario;
        this.trace = trace;
        this.messages = Workload.materialize(scenario, seed);
        this.policy = policy;
        this.jvmWatchdog = jvmWatchdog;
        this.timing = scenario.timing();
        this.statsTotal = new long[scenario.stages().size()];
        this.statsReady = new long[scenario.stages().size()];
        int[] initial = initialAssignment(scenario, messages);
        List<SimWorker> workers = new ArrayList<>();
        for (int i = 0; i < initial.length; i++) {
            workers.add(new SimWorker(String.format("w%02d", i + 1), initial[i], scenario.stages().get(initial[i]).switchSeconds()));
        }
        scenario.stages().forEach(s -> waitingSince.add(Optional.empty()));
        this.cluster = new SimCluster(scenario, workers, new SimCluster.Clock() {
            @Override
            public double now() {
                return now;
            }

            @Override
            public void messageDone(SimWorker worker, double at) {
                schedule(at, Kind.MESSAGE_DONE, worker, -1);
            }

            @Override
            public void switchDone(SimWorker worker, double at) {
                schedule(at, Kind.SWITCH_DONE, worker, -1);
            }

            @Override
            public void queueChanged(int stage) {
                requestEventPlan();
            }

            @Override
            public void workerIdle(SimWorker worker) {
                if (Simulation.this.jvmWatchdog && Simulation.this.policy.isPresent()) {
                    schedule(now + timing.idleReportSeconds(), Kind.IDLE_REPORT, worker, -1);
                }
            }
        });
    }

    /** The original watchdog: periodic cycles only, counts from the management API. */
    public static Result run(Scenario scenario, long seed, Optional<RebalancePolicy> policy) {
        return run(scenario, seed, policy, false, line -> { });
    }

    /**
     * @param jvmWatchdog the JVM watchdog: re-plans after events and reads fresh ready counts; false = the original's
     *                    periodic cycle on management API counts
     * @param trace       receives every plan's queue depths and moves
     */
    public static Result run(Scenario scenario, long seed, Optional<RebalancePolicy> policy, boolean jvmWatchdog,
                             Consumer<String> trace) {
        return new Simulation(scenario, seed, policy, jvmWatchdog, trace).run();
    }

    public static double lowerBound(Scenario scenario, long seed) {
        return lowerBound(scenario, Workload.materialize(scenario, seed));
    }

    /** The lower bound for runs that start from the static assignment, counting the switch a faster run cannot avoid. */
    private static double lowerBound(Scenario scenario, List<SimMessage> messages) {
        return Workload.lowerBound(messages, initialAssignment(scenario, messages),
                scenario.stages().stream().mapToDouble(SimStage::switchSeconds).toArray());
    }

    private static int[] initialAssignment(Scenario scenario, List<SimMessage> messages) {
        if (scenario.startStage().isPresent()) {
            int[] all = new int[scenario.workers()];
            java.util.Arrays.fill(all, scenario.stageIndex(scenario.startStage().get()));
            return all;
        }
        return StaticAssignment.of(Workload.workPerStage(messages, scenario.stages().size()), scenario.workers());
    }

    private Result run() {
        double giveUpAt = GIVE_UP_FACTOR * lowerBound(scenario, messages);
        for (int b = 0; b < scenario.bursts().size(); b++) {
            schedule(scenario.bursts().get(b).atSeconds(), Kind.ARRIVAL, null, b);
        }
        if (policy.isPresent()) {
            schedule(0, Kind.TICK, null, tickGeneration);
        }
        schedule(0, Kind.STATS_REFRESH, null, -1);
        int arrivalsLeft = scenario.bursts().size();
        int[] firstMessage = new int[scenario.bursts().size()];
        for (int b = 1; b < firstMessage.length; b++) {
            firstMessage[b] = firstMessage[b - 1] + scenario.bursts().get(b - 1).messages();
        }
        while (!events.isEmpty() && (cluster.completed() < messages.size() || arrivalsLeft > 0)) {
            Event e = events.poll();
            now = e.time();
            if (now > giveUpAt) {
                return new Result(now, false, cluster.switches());
            }
            switch (e.kind()) {
                case ARRIVAL -> {
                    arrivalsLeft--;
                    int count = scenario.bursts().get(e.burst()).messages();
                    for (int i = 0; i < count; i++) {
                        cluster.enqueue(messages.get(firstMessage[e.burst()] + i));
                    }
                }
                case MESSAGE_DONE -> cluster.onMessageDone(e.worker());
                case SWITCH_DONE -> cluster.onSwitchDone(e.worker());
                case TICK -> {
                    if (e.burst() == tickGeneration) {
                        tick("cycle");
                    }
                }
                case EVENT_PLAN -> {
                    eventPlanPending = false;
                    tick("event");
                }
                case IDLE_REPORT -> {
                    SimWorker w = e.worker();
                    if (w.status == io.pero.common.status.WorkerStatus.IDLE && now - w.idleSince >= timing.idleReportSeconds() - 1e-9) {
                        requestEventPlan();
                    }
                }
                case STATS_REFRESH -> {
                    for (int i = 0; i < statsTotal.length; i++) {
                        statsTotal[i] = cluster.depth(i);
                        statsReady[i] = cluster.ready(i);
                    }
                    schedule(now + timing.statsRefreshSeconds(), Kind.STATS_REFRESH, null, -1);
                }
            }
        }
        boolean finished = cluster.completed() == messages.size();
        return new Result(finished ? cluster.lastCompletion() : now, finished, cluster.switches());
    }

    /** Plans once, soon, for all events until then (the watchdog's debounce); only the JVM watchdog reacts to events. */
    private void requestEventPlan() {
        if (jvmWatchdog && policy.isPresent() && !eventPlanPending) {
            eventPlanPending = true;
            schedule(now + timing.eventLatencySeconds(), Kind.EVENT_PLAN, null, -1);
        }
    }

    private void tick(String why) {
        plans++;
        ClusterSnapshot snapshot = snapshot();
        Plan plan = Rebalancer.plan(snapshot, history, policy.orElseThrow());
        if (!plan.moves().isEmpty()) {
            trace.accept(String.format(Locale.ROOT, "t=%.1f %s depths=%s moves=%s", now, why,
                    snapshot.queues().stream().map(q -> q.name() + ":" + q.messages()).toList(),
                    plan.moves().stream().map(m -> m.workerId() + " " + m.from() + "->" + m.to()).toList()));
        }
        for (Move move : plan.moves()) {
            SimWorker w = cluster.workers.stream().filter(x -> x.id.equals(move.workerId())).findFirst().orElseThrow();
            w.unlockTime = Optional.of(move.unlockTime());
            cluster.assign(w, scenario.stageIndex(move.to()));
        }
        for (WaitingSinceChange change : plan.waitingSince()) {
            waitingSince.set(scenario.stageIndex(change.stage()), change.value());
        }
        history = history.after(plan.moves(), snapshot.now(), Duration.ofMinutes(10));
        // Every plan restarts the periodic wait, as the watchdog's loop does.
        tickGeneration++;
        schedule(now + timing.cycleSeconds(), Kind.TICK, null, tickGeneration);
    }

    private ClusterSnapshot snapshot() {
        List<StageState> stages = new ArrayList<>();
        List<QueueDepth> queues = new ArrayList<>();
        for (int i = 0; i < scenario.stages().size(); i++) {
            SimStage s = scenario.stages().get(i);
            stages.add(StageState.of(s.name(), OptionalDouble.of(s.meanSeconds())).withWaitingSince(waitingSince.get(i))
                    .withNextStages(cluster.nextStages(i)));
            long staleUnacked = Math.max(0, statsTotal[i] - statsReady[i]);
            queues.add(jvmWatchdog ? new QueueDepth(s.name(), cluster.ready(i) + staleUnacked, cluster.ready(i))
                    : new QueueDepth(s.name(), statsTotal[i]));
        }
        List<WorkerState> workers = cluster.workers.stream()
                .map(w -> new WorkerState(w.id, reportedStatus(w), true, scenario.stages().get(w.assigned).name(), w.unlockTime,
                        w.switchSeconds, Optional.of(scenario.stages().get(w.active).name()), 0))
                .toList();
        return new ClusterSnapshot(instant(now), stages, queues, workers);
    }

    /** A worker that ran dry after processing still reads PROCESSING until it writes IDLE, {@code idleReportSeconds} later. */
    private io.pero.common.status.WorkerStatus reportedStatus(SimWorker w) {
        if (w.status == io.pero.common.status.WorkerStatus.IDLE && w.processedSinceSwitch
                && now - w.idleSince < timing.idleReportSeconds()) {
            return io.pero.common.status.WorkerStatus.PROCESSING;
        }
        return w.status;
    }

    private static Instant instant(double seconds) {
        return EPOCH.plusNanos(Math.round(seconds * 1e9));
    }

    private void schedule(double at, Kind kind, SimWorker worker, int burst) {
        events.add(new Event(at, seq++, kind, worker, burst));
    }
}
