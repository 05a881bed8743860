package io.pero.watchdog.plan;

import io.pero.watchdog.snapshot.ClusterSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The JVM watchdog's own policy. It balances the time each stage needs to drain its backlog (messages × seconds per
 * message ÷ workers, weighted by administrative priority + 1) and moves a worker only when that shortens the longest drain
 * time by more than the move costs (the worker's reported switch time + a reconfiguration time). Within the same cycle it
 * may move several workers, one at a time, re-weighing after each. It keeps per-stage minimum and maximum worker counts,
 * never takes the last worker from a stage with messages, does not move a worker back to the stage it left within
 * {@link Settings#hold()}, and never rewrites a node whose value does not change (except to wake a Python worker).
 */
public final class DefaultPolicy implements RebalancePolicy {
    public static final String NAME = "default";

    /**
     * @param reconfigurationTime fixed part of every move's cost: finishing the message in hand, re-attaching to the broker
     * @param hold                a moved busy worker stays at least its switch cost plus this long ({@code unlock_time}), and
     *                            no worker returns to the stage it left within this long
     * @param wakeLegacyWorkers   rewrite the unchanged {@code queue} of an idle Python worker whose queue has messages: it
     *                            stops polling when its queue runs dry (spec §7.4); JVM workers consume continuously
     * @param unknownAvgMsgTimeSeconds seconds per message assumed for a stage without statistics (the original's 100)
     */
    public record Settings(Duration reconfigurationTime, Duration hold, boolean wakeLegacyWorkers, double unknownAvgMsgTimeSeconds) {
        public static final Duration DEFAULT_RECONFIGURATION_TIME = Duration.ofSeconds(10);
        public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

        public Settings {
            Objects.requireNonNull(reconfigurationTime, "reconfigurationTime");
            Objects.requireNonNull(hold, "hold");
            if (reconfigurationTime.isNegative() || hold.isNegative() || !(unknownAvgMsgTimeSeconds > 0)) {
                throw new IllegalArgumentException("reconfiguration time and hold must be >= 0, unknown message time > 0");
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_RECONFIGURATION_TIME, DEFAULT_HOLD, true, OriginalPolicy.UNKNOWN_AVG_MSG_TIME_S);
        }
    }

    private final Settings settings;

    public DefaultPolicy(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plan plan(ClusterSnapshot snapshot, MoveHistory history) {
        if (snapshot.stages().isEmpty()) {
            return Plan.nothing(NAME, List.of(), "no queues with configuration found");
        }
        if (snapshot.queues().isEmpty()) {
            return Plan.nothing(NAME, List.of(), "the broker lists no queues");
        }
        return new DefaultCycle(snapshot, history, settings).run();
    }
}
