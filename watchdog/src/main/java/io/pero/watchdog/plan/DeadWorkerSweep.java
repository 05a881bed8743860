package io.pero.watchdog.plan;

import io.pero.common.status.WorkerStatus;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workers whose ephemeral {@code connected} node is gone (crashed, partitioned, or shut down as DEAD), how long this
 * watchdog has seen them so, and which to remove once a grace period has passed. Immutable: {@link #sweep} returns the
 * next value. The original never removes workers (spec §3.3); removal happens only when a grace period is configured.
 */
public final class DeadWorkerSweep {
    /** A worker without its {@code connected} node, gone for at least {@code goneFor}. */
    public record Disconnected(String workerId, WorkerStatus status, Duration goneFor) {
    }

    /** The sweep's findings and the memory for the next cycle. */
    public record Result(DeadWorkerSweep next, List<Disconnected> disconnected, List<String> toRemove) {
    }

    private static final DeadWorkerSweep EMPTY = new DeadWorkerSweep(Map.of());
    private final Map<String, Instant> firstSeenGone;

    private DeadWorkerSweep(Map<String, Instant> firstSeenGone) {
        this.firstSeenGone = Map.copyOf(firstSeenGone);
    }

    public static DeadWorkerSweep empty() {
        return EMPTY;
    }

    public Result sweep(ClusterSnapshot snapshot, Optional<Duration> removeAfter) {
        Map<String, Instant> next = new HashMap<>();
        List<Disconnected> disconnected = new ArrayList<>();
        List<String> toRemove = new ArrayList<>();
        for (WorkerState w : snapshot.workers()) {
            if (w.connected()) {
                continue;
            }
            Instant since = firstSeenGone.getOrDefault(w.id(), snapshot.now());
            next.put(w.id(), since);
            Duration goneFor = Duration.between(since, snapshot.now());
            disconnected.add(new Disconnected(w.id(), w.status(), goneFor));
            if (removeAfter.isPresent() && goneFor.compareTo(removeAfter.get()) >= 0) {
                toRemove.add(w.id());
            }
        }
        return new Result(new DeadWorkerSweep(next), disconnected, toRemove);
    }
}
