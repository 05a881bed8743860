package io.pero.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exactly-once accounting by request uuid. Pure. {@code received} are the uuids read from the output queue (with
 * repeats), {@code stuck} those still in a stage queue after the drain, {@code parked} those in {@code pero.errors}.
 * A request is lost when it is in none of the three; a duplicate is every copy in {@code out} beyond the first.
 */
record FaultTally(int published, int received, int distinct, int duplicates, int lost, int stuck, int parked,
                  int unknown) {

    static FaultTally of(Set<String> published, List<String> received, Collection<String> stuck, Collection<String> parked) {
        Map<String, Integer> copies = new HashMap<>();
        int unknown = 0;
        for (String uuid : received) {
            if (published.contains(uuid)) {
                copies.merge(uuid, 1, Integer::sum);
            } else {
                unknown++;
            }
        }
        int duplicates = copies.values().stream().mapToInt(n -> n - 1).sum();
        Set<String> accounted = new HashSet<>(copies.keySet());
        accounted.addAll(stuck);
        accounted.addAll(parked);
        accounted.retainAll(published);
        return new FaultTally(published.size(), received.size(), copies.size(), duplicates,
                published.size() - accounted.size(), stuck.size(), parked.size(), unknown);
    }

    /** Duplicates per published request, in percent. */
    double duplicatePercent() {
        return published == 0 ? 0 : 100.0 * duplicates / published;
    }

    /** The target: nothing lost, stuck, parked or foreign, and fewer than {@code maxDuplicatePercent} duplicates. */
    boolean passes(double maxDuplicatePercent) {
        return lost == 0 && stuck == 0 && parked == 0 && unknown == 0 && distinct == published
                && duplicatePercent() < maxDuplicatePercent;
    }
}
