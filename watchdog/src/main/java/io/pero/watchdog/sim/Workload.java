package io.pero.watchdog.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The concrete tasks of a scenario for one seed: every strategy runs exactly the same tasks with the same costs. */
final class Workload {
    private Workload() {
    }

    /** Fresh task objects (they carry progress), in arrival order. */
    static List<SimMessage> materialize(Scenario scenario, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SimMessage> messages = new ArrayList<>();
        for (Burst burst : scenario.bursts()) {
            int[] path = burst.path().stream().mapToInt(scenario::stageIndex).toArray();
            for (int i = 0; i < burst.messages(); i++) {
                double[] costs = new double[path.length];
                for (int j = 0; j < path.length; j++) {
                    costs[j] = scenario.stages().get(path[j]).meanSeconds() * (0.5 + random.nextDouble());
                }
                messages.add(new SimMessage(burst.atSeconds(), path, costs));
            }
        }
        return messages;
    }

    /**
     * No schedule finishes earlier than the longest single task (arrival + all its stages in a row) or, for every arrival
     * time, that time plus the work arriving from then on shared perfectly by all workers (at time 0: total work / N).
     */
    static double lowerBound(List<SimMessage> messages, int workers) {
        double criticalPath = messages.stream().mapToDouble(m -> m.arrival + m.totalCost()).max().orElse(0);
        double workBound = 0;
        for (double at : messages.stream().mapToDouble(m -> m.arrival).distinct().toArray()) {
            double later = messages.stream().filter(m -> m.arrival >= at).mapToDouble(SimMessage::totalCost).sum();
            workBound = Math.max(workBound, at + later / workers);
        }
        return Math.max(criticalPath, workBound);
    }

    /**
     * {@link #lowerBound(List, int)} tightened by the switch that any faster schedule has to pay, for a run that starts
     * from {@code initial} (stage index per worker) and where a switch to stage {@code s} keeps its worker from working
     * for {@code switchSeconds[s]}. Proof: let T be the makespan of any schedule. A worker that starts a switch works on
     * nothing until that switch completes, and it keeps working on its initial stage until then. Either (a) no switch
     * completes by T: then all work is done by the workers on their initial stages, so for every stage s with n(s) initial
     * workers and every arrival time t, T >= t + (work on s of the tasks arriving from t on) / n(s), and T is infinite when
     * a stage with work has no initial worker; or (b) some switch starts and completes within [0, T]: that worker spends at
     * least min(switchSeconds) of [0, T] switching, and work and switching never overlap on one worker, so
     * N × T >= total work + min(switchSeconds). Hence T >= min(bound (a), bound (b)), and T >= the switch-free bound.
     */
    static double lowerBound(List<SimMessage> messages, int[] initial, double[] switchSeconds) {
        int workers = initial.length;
        double switchFree = lowerBound(messages, workers);
        double minSwitch = Arrays.stream(switchSeconds).min().orElse(0);
        double totalWork = messages.stream().mapToDouble(SimMessage::totalCost).sum();
        double withASwitch = (totalWork + minSwitch) / workers;
        return Math.max(switchFree, Math.min(withoutSwitches(messages, initial, switchSeconds.length), withASwitch));
    }

    /** Bound (a) above: every stage's work arriving from each arrival time on, shared by its initial workers only. */
    private static double withoutSwitches(List<SimMessage> messages, int[] initial, int stages) {
        int[] count = new int[stages];
        for (int s : initial) {
            count[s]++;
        }
        double bound = 0;
        for (double at : messages.stream().mapToDouble(m -> m.arrival).distinct().toArray()) {
            double[] later = workPerStage(messages.stream().filter(m -> m.arrival >= at).toList(), stages);
            for (int s = 0; s < stages; s++) {
                if (later[s] > 0) {
                    bound = Math.max(bound, count[s] == 0 ? Double.POSITIVE_INFINITY : at + later[s] / count[s]);
                }
            }
        }
        return bound;
    }

    /** Total work per stage in seconds, by stage index. */
    static double[] workPerStage(List<SimMessage> messages, int stages) {
        double[] work = new double[stages];
        for (SimMessage m : messages) {
            for (int j = 0; j < m.path.length; j++) {
                work[m.path[j]] += m.costs[j];
            }
        }
        return work;
    }
}
