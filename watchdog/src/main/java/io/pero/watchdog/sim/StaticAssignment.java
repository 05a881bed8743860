package io.pero.watchdog.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The assignment an operator would fix knowing the whole workload in advance: workers per stage in proportion to the
 * stage's total work (largest remainder), at least one per stage that has work when there are enough workers.
 */
final class StaticAssignment {
    private StaticAssignment() {
    }

    /** Stage index per worker. */
    static int[] of(double[] workPerStage, int workers) {
        int stages = workPerStage.length;
        int[] count = new int[stages];
        int assigned = 0;
        List<Integer> withWork = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            if (workPerStage[s] > 0) {
                withWork.add(s);
            }
        }
        if (workers >= withWork.size()) {
            for (int s : withWork) {
                count[s] = 1;
                assigned++;
            }
        }
        double total = withWork.stream().mapToDouble(s -> workPerStage[s]).sum();
        while (assigned < workers) {
            int best = -1;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            for (int s : withWork) {
                double deficit = workPerStage[s] / total * workers - count[s];
                if (deficit > bestDeficit) {
                    bestDeficit = deficit;
                    best = s;
                }
            }
            count[best]++;
            assigned++;
        }
        int[] byWorker = new int[workers];
        int w = 0;
        for (int s = 0; s < stages; s++) {
            for (int i = 0; i < count[s]; i++) {
                byWorker[w++] = s;
            }
        }
        return byWorker;
    }
}
