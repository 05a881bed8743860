package io.pero.watchdog.sim;

import java.util.List;

/** A workload and a worker pool, named and described for the benchmark table. */
public record Scenario(String name, String description, int workers, List<SimStage> stages, List<Burst> bursts) {
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
