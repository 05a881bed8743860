package io.pero.watchdog.plan;

import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.StageState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Work known to be on its way to each stage: the messages waiting in or held by upstream stages whose requests go on to it.
 * The order comes from the stages' {@code next_stages} counts (where the requests processed at a stage went next, as
 * workers report it): a stage's messages flow on to each next stage in proportion to those counts, and on from there.
 * A stage nobody has reported on sends nothing anywhere, which is the policy's behaviour without this knowledge.
 */
final class PipelineFlow {
    private PipelineFlow() {
    }

    /** Expected arrivals per stage (messages), for every stage of the snapshot; 0 where nothing is known to come. */
    static Map<String, Double> incoming(ClusterSnapshot snapshot) {
        Map<String, Map<String, Double>> fractions = new HashMap<>();
        for (StageState s : snapshot.stages()) {
            long total = s.nextStages().values().stream().mapToLong(Long::longValue).sum();
            if (total <= 0) {
                continue;
            }
            Map<String, Double> f = new HashMap<>();
            s.nextStages().forEach((next, count) -> {
                // A request comes back to the same stage only by a wrong report; it would count its own backlog twice.
                if (!next.equals(s.name())) {
                    f.put(next, count / (double) total);
                }
            });
            fractions.put(s.name(), f);
        }
        Map<String, Double> incoming = new LinkedHashMap<>();
        snapshot.stages().forEach(s -> incoming.put(s.name(), 0.0));
        // Propagating once per stage reaches the end of any acyclic pipeline; a cycle (a misconfiguration) stays bounded.
        for (int round = 0; round < snapshot.stages().size(); round++) {
            Map<String, Double> next = new LinkedHashMap<>();
            snapshot.stages().forEach(s -> next.put(s.name(), 0.0));
            for (StageState from : snapshot.stages()) {
                Map<String, Double> f = fractions.get(from.name());
                if (f == null) {
                    continue;
                }
                double upstream = snapshot.depth(from.name()).orElse(0) + incoming.get(from.name());
                f.forEach((to, share) -> next.computeIfPresent(to, (k, v) -> v + upstream * share));
            }
            if (next.equals(incoming)) {
                break;
            }
            incoming.clear();
            incoming.putAll(next);
        }
        return incoming;
    }
}
