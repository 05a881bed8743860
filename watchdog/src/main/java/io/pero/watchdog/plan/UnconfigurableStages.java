package io.pero.watchdog.plan;

import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.ConfigHealth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stages that workers failed to configure {@code limit} times at their current config version (pure). No policy sends
 * workers there until the version changes (a fixed model or config) or a worker configures it; the queue keeps its
 * messages. Without this, every free worker would be sent to a broken stage with a big backlog, over and over.
 */
// Differs from the original: it kept assigning workers to such a stage (spec §7.4: they retry every 10 s forever).
public final class UnconfigurableStages {
    /** Failed configurations of one version after which the stage gets no more workers. */
    public static final int DEFAULT_LIMIT = 3;

    private UnconfigurableStages() {
    }

    /** The blocked stages, each with why, in snapshot order. */
    public static Map<String, String> of(ClusterSnapshot snapshot, int limit) {
        Map<String, String> blocked = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigHealth> e : snapshot.configHealth().entrySet()) {
            ConfigHealth h = e.getValue();
            if (h.failures().blocks(h.currentVersion(), limit)) {
                blocked.put(e.getKey(), "stage " + e.getKey() + " gets no workers: configuration failed "
                        + h.failures().count() + " times at version '" + h.currentVersion() + "' (last: "
                        + h.failures().lastReason() + "); a new config version lifts this");
            }
        }
        return blocked;
    }
}
