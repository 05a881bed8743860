package io.pero.watchdog.sim;

import io.pero.common.status.WorkerStatus;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Queues and workers, and how workers react: take the next message when free, finish the message in hand before a
 * switch, spend the target's switch time CONFIGURING, then consume from the new queue. Events go through {@link Clock}.
 */
final class SimCluster {
    /** Schedules callbacks for the event loop. */
    interface Clock {
        double now();

        void messageDone(SimWorker worker, double at);

        void switchDone(SimWorker worker, double at);

        /** A stage queue got its first ready message, or lost its last one. */
        default void queueChanged(int stage) {
        }

        /** A worker found its queue empty and stopped. */
        default void workerIdle(SimWorker worker) {
        }
    }

    /**
     * Where requests processed at a stage went next: counts halved whenever they pass this total, as the worker keeps them,
     * so a changed pipeline shows within a few dozen messages (a longer memory misleads when batches alternate pipelines).
     */
    private static final long NEXT_STAGE_WINDOW = 40;

    final Scenario scenario;
    final List<SimWorker> workers;
    final ArrayDeque<SimMessage>[] queues;
    final int[] inFlight;
    private final Clock clock;
    private final Map<String, Long>[] nextStages;
    private int completed;
    private int switches;
    private double lastCompletion;

    @SuppressWarnings({"unchecked", "rawtypes"})
    SimCluster(Scenario scenario, List<SimWorker> workers, Clock clock) {
        this.scenario = scenario;
        this.workers = workers;
        this.clock = clock;
        this.queues = new ArrayDeque[scenario.stages().size()];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new ArrayDeque<>();
        }
        this.inFlight = new int[queues.length];
        this.nextStages = new Map[queues.length];
        for (int i = 0; i < queues.length; i++) {
            nextStages[i] = new LinkedHashMap<>();
        }
    }

    /** What a worker at the stage would report in {@code next_stages}. */
    Map<String, Long> nextStages(int stage) {
        return Map.copyOf(nextStages[stage]);
    }

    long ready(int stage) {
        return queues[stage].size();
    }

    int completed() {
        return completed;
    }

    int switches() {
        return switches;
    }

    double lastCompletion() {
        return lastCompletion;
    }

    /** Broker's message count: ready plus unacknowledged. */
    long depth(int stage) {
        return queues[stage].size() + inFlight[stage];
    }

    void enqueue(SimMessage message) {
        int stage = message.currentStage();
        queues[stage].add(message);
        if (queues[stage].size() == 1) {
            clock.queueChanged(stage);
        }
        for (SimWorker w : workers) {
            if (w.status == WorkerStatus.IDLE && w.active == stage && w.assigned == stage) {
                fetch(w);
                return;
            }
        }
    }

    /** The watchdog wrote a new {@code queue} for the worker. */
    void assign(SimWorker w, int stage) {
        w.assigned = stage;
        if (w.status == WorkerStatus.IDLE) {
            startSwitch(w);
        }
    }

    void onMessageDone(SimWorker w) {
        SimMessage m = w.inHand;
        w.inHand = null;
        int stage = m.currentStage();
        inFlight[stage]--;
        boolean more = m.advance();
        countNext(stage, more ? scenario.stages().get(m.currentStage()).name() : "out");
        if (more) {
            enqueue(m);
        } else {
            completed++;
            lastCompletion = clock.now();
        }
        w.status = WorkerStatus.IDLE;
        if (w.assigned != w.active) {
            startSwitch(w);
        } else {
            fetch(w);
        }
    }

    void onSwitchDone(SimWorker w) {
        w.active = w.switchingTo;
        w.processedSinceSwitch = false;
        w.switchSeconds = OptionalDouble.of(scenario.stages().get(w.active).switchSeconds());
        w.status = WorkerStatus.IDLE;
        if (w.assigned != w.active) {
            startSwitch(w);
        } else {
            fetch(w);
        }
    }

    private void startSwitch(SimWorker w) {
        switches++;
        w.status = WorkerStatus.CONFIGURING;
        w.switchingTo = w.assigned;
        clock.switchDone(w, clock.now() + scenario.stages().get(w.assigned).switchSeconds());
    }

    private void fetch(SimWorker w) {
        SimMessage m = queues[w.active].poll();
        if (m == null) {
            w.status = WorkerStatus.IDLE;
            w.idleSince = clock.now();
            clock.workerIdle(w);
            return;
        }
        if (queues[w.active].isEmpty()) {
            clock.queueChanged(w.active);
        }
        w.inHand = m;
        w.status = WorkerStatus.PROCESSING;
        w.lastMessageAt = clock.now();
        w.processedSinceSwitch = true;
        inFlight[w.active]++;
        clock.messageDone(w, clock.now() + m.currentCost() + scenario.timing().perMessageOverheadSeconds());
    }

    private void countNext(int stage, String next) {
        Map<String, Long> counts = nextStages[stage];
        counts.merge(next, 1L, Long::sum);
        if (counts.values().stream().mapToLong(Long::longValue).sum() > NEXT_STAGE_WINDOW) {
            counts.replaceAll((k, v) -> v / 2);
            counts.values().removeIf(v -> v == 0);
        }
    }
}
