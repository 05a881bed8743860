package io.pero.watchdog.snapshot;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One schedulable stage as stored under {@code /pero/queue/<stage>} (spec §3.2).
 *
 * @param avgMsgTime             seconds per message; empty when the node is empty (no statistics yet)
 * @param waitingSince           when the stage started waiting for a worker; empty when unset
 * @param administrativePriority operator weight, 0 by default
 * @param minWorkers             extension: workers the watchdog keeps on the stage; empty = no limit
 * @param maxWorkers             extension: most workers the watchdog puts on the stage; empty = no limit
 * @param waitingSinceVersion    znode version of {@code waiting_since}, for a versioned write
 * @param nextStages             extension: where this stage's requests went next and how many (workers report it in
 *                               {@code next_stages}); empty when unknown
 */
public record StageState(String name, OptionalDouble avgMsgTime, Optional<Instant> waitingSince, long administrativePriority,
                         OptionalInt minWorkers, OptionalInt maxWorkers, int waitingSinceVersion, Map<String, Long> nextStages) {
    public StageState(String name, OptionalDouble avgMsgTime, Optional<Instant> waitingSince, long administrativePriority,
                      OptionalInt minWorkers, OptionalInt maxWorkers, int waitingSinceVersion) {
        this(name, avgMsgTime, waitingSince, administrativePriority, minWorkers, maxWorkers, waitingSinceVersion, Map.of());
    }

    public StageState {
        nextStages = Map.copyOf(nextStages);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(avgMsgTime, "avgMsgTime");
        Objects.requireNonNull(waitingSince, "waitingSince");
        Objects.requireNonNull(minWorkers, "minWorkers");
        Objects.requireNonNull(maxWorkers, "maxWorkers");
        if (administrativePriority < 0) {
            throw new IllegalArgumentException("administrative priority of stage " + name + " must be >= 0");
        }
    }

    /** A stage with statistics only, no limits and no waiting time: the common case in tests and simulation. */
    public static StageState of(String name, OptionalDouble avgMsgTime) {
        return new StageState(name, avgMsgTime, Optional.empty(), 0, OptionalInt.empty(), OptionalInt.empty(), 0);
    }

    public StageState withWaitingSince(Optional<Instant> value) {
        return new StageState(name, avgMsgTime, value, administrativePriority, minWorkers, maxWorkers, waitingSinceVersion, nextStages);
    }

    public StageState withAdministrativePriority(long value) {
        return new StageState(name, avgMsgTime, waitingSince, value, minWorkers, maxWorkers, waitingSinceVersion, nextStages);
    }

    public StageState withLimits(OptionalInt min, OptionalInt max) {
        return new StageState(name, avgMsgTime, waitingSince, administrativePriority, min, max, waitingSinceVersion, nextStages);
    }

    public StageState withNextStages(Map<String, Long> value) {
        return new StageState(name, avgMsgTime, waitingSince, administrativePriority, minWorkers, maxWorkers, waitingSinceVersion,
                value);
    }

    public StageState withAvgMsgTime(OptionalDouble value) {
        return new StageState(name, value, waitingSince, administrativePriority, minWorkers, maxWorkers, waitingSinceVersion, nextStages);
    }
}
