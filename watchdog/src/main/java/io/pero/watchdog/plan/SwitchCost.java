package io.pero.watchdog.plan;

import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.WorkerState;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Seconds a move costs before the worker helps its new stage: what its last switch took (model download and load, as the
 * worker reports it; when it has not reported one, what its peers now serving the target took), plus a fixed reconfiguration
 * time for finishing the message in hand and re-attaching to the broker (the original's {@code minimal_reconfiguration_time}).
 */
final class SwitchCost {
    private final ClusterSnapshot snapshot;
    private final double reconfigurationSeconds;

    SwitchCost(ClusterSnapshot snapshot, Duration reconfigurationTime) {
        this.snapshot = snapshot;
        this.reconfigurationSeconds = reconfigurationTime.toNanos() / 1e9;
    }

    double of(WorkerState worker, String target) {
        double switchSeconds = worker.switchSeconds().isPresent()
                ? worker.switchSeconds().getAsDouble()
                : peersSwitchSeconds(target).orElse(0);
        return switchSeconds + reconfigurationSeconds;
    }

    private OptionalDouble peersSwitchSeconds(String target) {
        return snapshot.workers().stream()
                .filter(w -> w.activeStage().filter(target::equals).isPresent() && w.switchSeconds().isPresent())
                .mapToDouble(w -> w.switchSeconds().getAsDouble())
                .average();
    }
}
