package io.pero.watchdog.sim;

import java.util.ArrayList;
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
