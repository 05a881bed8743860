package io.pero.watchdog;

import io.pero.watchdog.apply.WorkerRemover;
import io.pero.watchdog.plan.DeadWorkerSweep;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports workers whose {@code connected} node is gone every cycle (WARN when the set changes and every
 * {@link #REPEAT} while it lasts, DEBUG in between) and removes them after the grace period when one is configured.
 */
final class DisconnectedWorkers {
    private static final Logger log = LoggerFactory.getLogger(DisconnectedWorkers.class);
    static final Duration REPEAT = Duration.ofMinutes(10);

    private final WorkerRemover remover;
    private final Optional<Duration> removeAfter;
    private DeadWorkerSweep sweep = DeadWorkerSweep.empty();
    private List<String> lastReported = List.of();
    private Instant lastWarned = Instant.MIN;
    private int suppressed;

    DisconnectedWorkers(WorkerRemover remover, Optional<Duration> removeAfter) {
        this.remover = remover;
        this.removeAfter = removeAfter;
    }

    /** Reports, then removes what is due; returns the ids removed. */
    List<String> handle(ClusterSnapshot snapshot) throws Exception {
        DeadWorkerSweep.Result result = sweep.sweep(snapshot, removeAfter);
        sweep = result.next();
        report(result.disconnected(), snapshot.now());
        List<String> removed = new java.util.ArrayList<>();
        for (String id : result.toRemove()) {
            if (remover.remove(id)) {
                removed.add(id);
            }
        }
        return removed;
    }

    private void report(List<DeadWorkerSweep.Disconnected> disconnected, Instant now) {
        List<String> ids = disconnected.stream().map(DeadWorkerSweep.Disconnected::workerId).toList();
        if (ids.isEmpty()) {
            lastReported = ids;
            return;
        }
        String details = disconnected.stream()
                .map(d -> d.workerId() + "(" + d.status() + ", " + d.goneFor().toSeconds() + " s)").toList().toString();
        String removal = removeAfter.map(d -> "after " + d.toSeconds() + " s").orElse("disabled");
        if (!ids.equals(lastReported) || !now.isBefore(lastWarned.plus(REPEAT))) {
            log.warn("workers disconnected count={} workers={} removal={} suppressed={}", ids.size(), details, removal, suppressed);
            lastWarned = now;
            suppressed = 0;
        } else {
            suppressed++;
            log.debug("workers disconnected count={} workers={} removal={}", ids.size(), details, removal);
        }
        lastReported = ids;
    }
}
