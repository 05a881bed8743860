package io.pero.watchdog.sim;

import java.util.List;
import java.util.Optional;

/**
 * A workload and a worker pool, named and described for the benchmark table.
 *
 * @param timing     what the live system pays (cycle, event latency, stale statistics, per-message overhead)
 * @param startStage where every worker starts; empty = the static assignment (workers in proportion to each stage's work)
 */
public record Scenario(String name, String description, int workers, List<SimStage> stages, List<Burst> bursts,
                       SimTiming timing, Optional<String> startStage) {
    public Scenario(String name, String description, int workers, List<SimStage> stages, List<Burst> bursts) {
        this(name, description, workers, stages, bursts, SimTiming.standard(), Optional.empty());
    }

    public Scenario {
        stages = List.copyOf(stages);
        bursts = List.copyOf(bursts);
        if (workers <= 0) {
            throw new IllegalArgumentException("scenario " + name + " needs workers");
        }
        for (Burst b : bursts) {
            for (String s : b.path()) {
                if (stages.stream().noneMatch(st -> st.name().equals(s))) {
                    throw new IllegalArgumentException("scenario " + name + ": burst visits unknown stage " + s);
                }
            }
        }
        if (startStage.isPresent() && stages.stream().noneMatch(st -> st.name().equals(startStage.get()))) {
            throw new IllegalArgumentException("scenario " + name + ": unknown start stage " + startStage.get());
        }
    }

    public SimStage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stage " + name));
    }

    public int stageIndex(String name) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown stage " + name);
    }
}
