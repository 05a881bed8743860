package io.pero.watchdog.sim;

import io.pero.common.status.WorkerStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/** A simulated JVM worker: what the watchdog sees of it (status, stage, unlock time, switch time) plus its message in hand. */
final class SimWorker {
    final String id;
    int assigned;
    int active;
    WorkerStatus status = WorkerStatus.IDLE;
    Optional<Instant> unlockTime = Optional.empty();
    OptionalDouble switchSeconds;
    SimMessage inHand;
    /** The stage a running switch goes to; compared with {@link #assigned} when it ends. */
    int switchingTo = -1;
    /** When it last found its queue empty, and when it last took a message: it reports IDLE only a while later. */
    double idleSince = Double.NEGATIVE_INFINITY;
    double lastMessageAt = Double.NEGATIVE_INFINITY;
    /** Took a message since its last switch: only then does going dry delay its IDLE (a fresh switch writes IDLE at once). */
    boolean processedSinceSwitch;

    SimWorker(String id, int stage, double initialSwitchSeconds) {
        this.id = id;
        this.assigned = stage;
        this.active = stage;
        this.switchSeconds = OptionalDouble.of(initialSwitchSeconds);
    }
}
