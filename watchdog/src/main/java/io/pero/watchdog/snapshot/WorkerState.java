package io.pero.watchdog.snapshot;

import io.pero.common.status.WorkerStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One worker as stored under {@code /pero/worker/status/<id>} (spec §3.3).
 *
 * @param status        the effective status: {@link WorkerStatus#ZK_CONNECTION_FAILED} when the ephemeral
 *                      {@code connected} node is gone (unless the worker said DEAD)
 * @param connected     whether the ephemeral {@code connected} node exists
 * @param queue         the assigned stage; empty text when none
 * @param unlockTime    before this time a busy worker is not moved away; empty when unset or unparseable
 * @param switchSeconds extension: how long the worker's last stage switch took; empty when not reported
 * @param activeStage   extension: the stage the worker actually serves; empty when not reported
 * @param queueVersion  znode version of {@code queue} (-1 when the node is missing), for a versioned write
 */
public record WorkerState(String id, WorkerStatus status, boolean connected, String queue, Optional<Instant> unlockTime,
                          OptionalDouble switchSeconds, Optional<String> activeStage, int queueVersion) {
    public WorkerState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(unlockTime, "unlockTime");
        Objects.requireNonNull(switchSeconds, "switchSeconds");
        Objects.requireNonNull(activeStage, "activeStage");
    }

    /** A connected worker with no unlock time and no extension nodes. */
    public static WorkerState of(String id, WorkerStatus status, String queue) {
        return new WorkerState(id, status, true, queue, Optional.empty(), OptionalDouble.empty(), Optional.empty(), 0);
    }

    /** The original watchdog schedules busy, idle and failed-but-recoverable workers (spec §7.2). */
    public boolean schedulable() {
        return WorkerStatus.RUNNING.contains(status) || WorkerStatus.FAILURE.contains(status);
    }

    /** True while an unlock time lies after {@code now}: the worker was moved recently and keeps its stage. */
    public boolean lockedAt(Instant now) {
        return unlockTime.filter(t -> t.isAfter(now)).isPresent();
    }

    /**
     * A worker that reports none of the JVM port's extension nodes is taken for a Python worker, which stops polling when
     * its queue runs dry and needs its {@code queue} node rewritten to start again (spec §6.3 step 5).
     */
    public boolean legacy() {
        return switchSeconds.isEmpty() && activeStage.isEmpty();
    }

    public WorkerState withStatus(WorkerStatus value) {
        return new WorkerState(id, value, connected, queue, unlockTime, switchSeconds, activeStage, queueVersion);
    }

    public WorkerState withUnlockTime(Optional<Instant> value) {
        return new WorkerState(id, status, connected, queue, value, switchSeconds, activeStage, queueVersion);
    }

    public WorkerState withSwitchSeconds(OptionalDouble value) {
        return new WorkerState(id, status, connected, queue, unlockTime, value, activeStage, queueVersion);
    }

    public WorkerState withActiveStage(Optional<String> value) {
        return new WorkerState(id, status, connected, queue, unlockTime, switchSeconds, value, queueVersion);
    }

    public WorkerState withConnected(boolean value) {
        return new WorkerState(id, WorkerStatus.effective(status, value), value, queue, unlockTime, switchSeconds, activeStage,
                queueVersion);
    }
}
