package io.pero.watchdog.sim;

import io.pero.common.status.WorkerStatus;
import java.util.ArrayDeque;
import java.util.List;
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
    }

    final Scenario scenario;
    final List<SimWorker> workers;
    final ArrayDeque<SimMessage>[] queues;
    final int[] inFlight;
    private final Clock clock;
    private int completed;
    private int switches;
    private double lastCompletion;

    @SuppressWarnings("unchecked")
    SimCluster(Scenario scenario, List<SimWorker> workers, Clock clock) {
        this.scenario = scenario;
        this.workers = workers;
        this.clock = clock;
        this.queues = new ArrayDeque[scenario.stages().size()];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new ArrayDeque<>();
        }
        this.inFlight = new int[queues.length];
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
        inFlight[m.currentStage()]--;
        if (m.advance()) {
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
            return;
        }
        w.inHand = m;
        w.status = WorkerStatus.PROCESSING;
        inFlight[w.active]++;
        clock.messageDone(w, clock.now() + m.currentCost());
    }
}
