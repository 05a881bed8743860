package io.pero.worker.stage;

import java.util.Optional;

/** What a change of the {@code queue} znode means (spec §6.3). Pure. */
public final class AssignmentDecision {
    /** The action for one notification. */
    public enum Action {
        /** Older than (or the same as) a notification already handled. */
        IGNORE_STALE,
        /** Empty or deleted: stop consuming after the message in hand. */
        STOP,
        /** Same stage, same non-empty version: resume consuming (and recover a PROCESSING_FAILED worker). */
        RUN_AGAIN,
        /** Another stage or version: reconfigure. */
        SWITCH
    }

    /** The stage being served and its config version. */
    public record Served(String stage, String version) {
    }

    private AssignmentDecision() {
    }

    /** First look, before the config version is read: stale or empty notifications need nothing more. */
    public static Optional<Action> early(String stage, int znodeVersion, int lastSeenVersion) {
        if (znodeVersion < 0) {
            return Optional.of(Action.STOP);
        }
        if (znodeVersion <= lastSeenVersion) {
            return Optional.of(Action.IGNORE_STALE);
        }
        return stage.isEmpty() ? Optional.of(Action.STOP) : Optional.empty();
    }

    /** Decides between resuming and switching, given the stage's config version in ZooKeeper. */
    public static Action decide(String stage, String configVersion, Optional<Served> served) {
        boolean same = served.isPresent() && served.get().stage().equals(stage)
                && !configVersion.isEmpty() && configVersion.equals(served.get().version());
        return same ? Action.RUN_AGAIN : Action.SWITCH;
    }
}
