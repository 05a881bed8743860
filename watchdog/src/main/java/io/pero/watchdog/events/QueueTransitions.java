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

    /**
     * Reasons for the queues that filled or drained since the last call. A queue seen for the first time counts as having
     * been empty: messages that arrived before the first poll may have come after the last plan.
     */
    List<String> update(Map<String, Long> ready) {
        List<String> reasons = new ArrayList<>();
        ready.forEach((queue, count) -> {
            boolean before = Boolean.TRUE.equals(nonEmpty.put(queue, count > 0));
            if (before != (count > 0)) {
                reasons.add(count > 0 ? "queue filled " + queue : "queue drained " + queue);
            }
        });
        nonEmpty.keySet().retainAll(ready.keySet());
        return reasons;
    }
}
