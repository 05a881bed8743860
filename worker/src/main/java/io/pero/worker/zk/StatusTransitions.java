package io.pero.worker.zk;

import io.pero.common.status.WorkerStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of worker status changes the worker itself may make. {@code DEAD} is final; {@code PROCESSING_FAILED}
 * waits for a person ("run again" → {@code IDLE}, or a new stage → {@code CONFIGURING}), so connection events cannot
 * heal it by accident.
 */
final class StatusTransitions {
    private static final Set<WorkerStatus> WRITABLE = EnumSet.complementOf(
            EnumSet.of(WorkerStatus.STARTING, WorkerStatus.CONNECTING, WorkerStatus.ZK_CONNECTION_FAILED));
    private static final Map<WorkerStatus, Set<WorkerStatus>> ALLOWED = new EnumMap<>(WorkerStatus.class);

    static {
        for (WorkerStatus from : WorkerStatus.values()) {
            ALLOWED.put(from, EnumSet.copyOf(WRITABLE));
        }
        ALLOWED.put(WorkerStatus.DEAD, EnumSet.noneOf(WorkerStatus.class));
        ALLOWED.put(WorkerStatus.PROCESSING_FAILED,
                EnumSet.of(WorkerStatus.IDLE, WorkerStatus.CONFIGURING, WorkerStatus.DEAD));
    }

    private StatusTransitions() {
    }

    static boolean allowed(WorkerStatus from, WorkerStatus to) {
        return from != to && ALLOWED.get(from).contains(to);
    }
}
