package io.pero.worker.mq;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts how often this worker has seen each message (by request uuid), so a message that keeps coming back without
 * being completed is parked instead of cycling forever. Classic queues do not count deliveries, so this count starts at
 * 2 for a message the broker marks redelivered and lives in memory, bounded to the most recent {@code capacity} keys.
 * Used by one processing thread.
 */
final class DeliveryCounter {
    private final Map<String, Integer> counts;

    DeliveryCounter(int capacity) {
        this.counts = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records one delivery and returns how many this worker knows of, this one included. */
    int record(String key, boolean redelivered) {
        if (!redelivered) {
            // A first delivery needs no entry: a later redelivery counts 2 either way. Only the rare redelivered
            // message costs a map entry, not every message of a busy stage.
            counts.remove(key);
            return 1;
        }
        return counts.merge(key, 2, (old, ignored) -> old + 1);
    }
}
