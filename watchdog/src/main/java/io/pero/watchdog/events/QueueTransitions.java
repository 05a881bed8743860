package io.pero.watchdog.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers whether each stage queue had ready messages at the last poll and names the queues that changed between empty
 * and non-empty. Pure; not thread-safe (one poller).
 */
final class QueueTransitions {
    private final Map<String, Boolean> nonEmpty = new HashMap<>();

    /** Reasons for the queues that filled or drained since the last call; a queue seen for the first time is no event. */
    List<String> update(Map<String, Long> ready) {
        List<String> reasons = new ArrayList<>();
        ready.forEach((queue, count) -> {
            Boolean before = nonEmpty.put(queue, count > 0);
            if (before != null && before != (count > 0)) {
                reasons.add(count > 0 ? "queue filled " + queue : "queue drained " + queue);
            }
        });
        nonEmpty.keySet().retainAll(ready.keySet());
        return reasons;
    }
}
