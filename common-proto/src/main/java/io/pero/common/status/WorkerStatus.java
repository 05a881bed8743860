package io.pero.common.status;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Worker status strings as written to {@code /pero/worker/status/<id>/status} (spec §3.3). */
public enum WorkerStatus {
    STARTING,
    PROCESSING,
    CONFIGURING,
    CONNECTING,
    IDLE,
    PROCESSING_FAILED,
    MQ_CONNECTION_FAILED,
    /** Never written by a worker; derived by readers when the ephemeral node is gone. */
    ZK_CONNECTION_FAILED,
    CONFIGURATION_FAILED,
    DEAD;

    /** Statuses the watchdog may schedule: busy or free. */
    public static final Set<WorkerStatus> RUNNING = EnumSet.of(PROCESSING, IDLE);
    /** Statuses the watchdog still schedules, hoping a new assignment heals them. */
    public static final Set<WorkerStatus> FAILURE = EnumSet.of(CONFIGURATION_FAILED, MQ_CONNECTION_FAILED);

    /** The string on the wire; identical to the constant name. */
    public String wire() {
        return name();
    }

    /** Parses a wire string, accepting the original's aliases RECONFIGURING and FAILED. */
    public static Optional<WorkerStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        switch (t) {
            case "RECONFIGURING":
                return Optional.of(CONFIGURING);
            case "FAILED":
                return Optional.of(PROCESSING_FAILED);
            default:
                for (WorkerStatus s : values()) {
                    if (s.name().equals(t)) {
                        return Optional.of(s);
                    }
                }
                return Optional.empty();
        }
    }

    /**
     * The status a reader should believe: a worker whose ephemeral {@code connected} node is gone
     * is {@link #ZK_CONNECTION_FAILED} unless it said it was {@link #DEAD} (spec §3.3).
     */
    public static WorkerStatus effective(WorkerStatus written, boolean connected) {
        if (!connected && written != DEAD) {
            return ZK_CONNECTION_FAILED;
        }
        return written;
    }
}
