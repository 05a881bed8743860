package io.pero.watchdog.plan;

import static io.pero.common.status.WorkerStatus.CONFIGURING;
import static io.pero.common.status.WorkerStatus.IDLE;
import static io.pero.common.status.WorkerStatus.PROCESSING;
import static io.pero.common.status.WorkerStatus.STARTING;

import io.pero.common.status.WorkerStatus;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.common.mq.depth.QueueDepth;
import io.pero.watchdog.snapshot.StageState;
import io.pero.watchdog.snapshot.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One planning pass of {@link DefaultPolicy}: limits first (maximums, then minimums), then balancing, wakes, waiting. */
final class DefaultCycle {
    /** Statuses that count as serving their stage; a switching worker already counts for where it is going. */
    private static final Set<WorkerStatus> SERVING = EnumSet.of(PROCESSING, IDLE, CONFIGURING, STARTING);

    private final ClusterSnapshot snapshot;
    private final MoveHistory history;
    private final DefaultPolicy.Settings settings;
    private final Assignments state;
    private final SwitchCost cost;
    private final Map<String, StageLoad> loads = new LinkedHashMap<>();
    private final List<WorkerState> movable;
    private final Set<String> moved = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Double> incoming;

    /** A worker that could go to a target, with what it would gain. */
    private record Candidate(WorkerState worker, StageLoad source, boolean serving, double cost, double benefit, double after) {
        boolean betterThan(Candidate other) {
            if (benefit != other.benefit) {
                return benefit > other.benefit;
            }
            return after < other.after;
        }
    }

    DefaultCycle(ClusterSnapshot snapshot, MoveHistory history, DefaultPolicy.Settings settings) {
        this.snapshot = snapshot;
        this.history = history;
        this.settings = settings;
        this.state = new Assignments(snapshot);
        this.cost = new SwitchCost(snapshot, settings.reconfigurationTime());
        this.movable = snapshot.schedulableWorkers();
        this.incoming = PipelineFlow.incoming(snapshot);
        snapshot.stages().forEach(this::addLoad);
    }

    Plan run() {
        List<StageScore> scores = loads.values().stream()
                .map(l -> new StageScore(l.stage, l.messages, l.serving, l.drainTime(), Double.NaN)).toList();
        enforceMaximums();
        enforceMinimums();
        balance();
        List<String> wakes = wakes();
        markWaiting();
        return new Plan(DefaultPolicy.NAME, scores, state.moves(), wakes, state.waitingChanges(), notes);
    }

    private void addLoad(StageState stage) {
        if (snapshot.depth(stage.name()).isEmpty()) {
            // Differs from the original: a configured stage without a broker queue is skipped, not an IndexError (§12 item 7).
            notes.add("stage " + stage.name() + " has no broker queue");
            return;
        }
        long messages = snapshot.depth(stage.name()).getAsLong();
        long ready = snapshot.queue(stage.name()).map(QueueDepth::ready).orElse(messages);
        double coming = incoming.getOrDefault(stage.name(), 0.0);
        double avg = stage.avgMsgTime().orElse(settings.unknownAvgMsgTimeSeconds());
        // Pipeline-aware: what upstream stages will send here is work of this stage too, so workers spread over a
        // pipeline in proportion to its whole expected work instead of following the backlog from stage to stage.
        double work = (messages + coming) * avg * (stage.administrativePriority() + 1.0);
        int max = stage.maxWorkers().orElse(Integer.MAX_VALUE);
        int min = Math.min(stage.minWorkers().orElse(0), max);
        int serving = (int) snapshot.workers().stream()
                .filter(w -> SERVING.contains(w.status()) && w.queue().equals(stage.name())).count();
        boolean processing = snapshot.workers().stream()
                .anyMatch(w -> w.status() == PROCESSING && w.queue().equals(stage.name()));
        boolean pressing = work > 0 && (ready > 0 || coming > 0);
        loads.put(stage.name(), new StageLoad(stage.name(), messages, work, min, max, serving, pressing, processing));
    }

    /** Workers above a stage's maximum go to the stage that needs them most, even when locked: the limit is the operator's. */
    private void enforceMaximums() {
        for (StageLoad source : loads.values()) {
            while (source.serving > source.max) {
                Optional<WorkerState> worker = movable.stream()
                        .filter(w -> !moved.contains(w.id()) && SERVING.contains(w.status()) && source.stage.equals(w.queue()))
                        .min(Comparator.comparing(w -> w.status() == PROCESSING));
                Optional<StageLoad> target = targetsByUrgency(false).stream().filter(t -> t != source).findFirst();
                if (worker.isEmpty() || target.isEmpty()) {
                    notes.add("stage " + source.stage + " has " + source.serving + " workers, above its maximum " + source.max
                            + ", and none can go elsewhere");
                    break;
                }
                WorkerState w = worker.get();
                double c = cost.of(w, target.get().stage);
                apply(new Candidate(w, source, true, c, 0, 0), target.get(), "above the maximum of " + source.stage);
            }
        }
    }

    private void enforceMinimums() {
        for (StageLoad target : loads.values()) {
            while (target.serving < target.min && target.hasRoom()) {
                Optional<Candidate> donor = bestDonor(target, true);
                if (donor.isEmpty()) {
                    notes.add("stage " + target.stage + " has " + target.serving + " workers, below its minimum " + target.min
                            + ", and none can be spared");
                    break;
                }
                apply(donor.get(), target, "below the minimum of " + target.stage);
            }
        }
    }

    /** One move at a time to the most urgent stage a move helps; every worker moves at most once per cycle. */
    private void balance() {
        for (int i = 0; i < movable.size(); i++) {
            Optional<Map.Entry<StageLoad, Candidate>> next = targetsByUrgency(true).stream()
                    .flatMap(t -> bestDonor(t, false).map(c -> Map.entry(t, c)).stream())
                    .findFirst();
            if (next.isEmpty()) {
                return;
            }
            apply(next.get().getValue(), next.get().getKey(), "rebalance");
        }
    }

    /** Stages with room, longest drain time first; among stages nobody serves, the most work first. */
    private List<StageLoad> targetsByUrgency(boolean withWorkOnly) {
        return loads.values().stream()
                .filter(l -> l.hasRoom() && (!withWorkOnly || l.hasWork()))
                .sorted(Comparator.comparingDouble((StageLoad l) -> l.drainTime()).thenComparingDouble(l -> l.work).reversed())
                .toList();
    }

    /**
     * The worker whose move to {@code target} shortens the longer of the two drain times involved (target's and its
     * source's) by the most beyond its cost. Without {@code force}, only a move that gains more than it costs.
     */
    private Optional<Candidate> bestDonor(StageLoad target, boolean force) {
        Candidate best = null;
        for (WorkerState w : movable) {
            Candidate c = candidate(w, target);
            if (c != null && (best == null || c.betterThan(best))) {
                best = c;
            }
        }
        return Optional.ofNullable(best).filter(c -> force || c.benefit() > 0);
    }

    private Candidate candidate(WorkerState w, StageLoad target) {
        String from = state.queueOf(w.id());
        if (moved.contains(w.id()) || from.equals(target.stage) || returnsTooSoon(w, target.stage)) {
            return null;
        }
        StageLoad source = loads.get(from);
        boolean serving = source != null && SERVING.contains(w.status());
        if (serving && !source.canGiveWorker()) {
            return null;
        }
        // Only a stage with messages waiting (or on their way) holds a locked worker; one that merely finishes what its
        // workers hold lets them go, since staying would leave them idle until the lock expires.
        if (serving && source.pressing && w.lockedAt(snapshot.now())) {
            return null;
        }
        boolean busy = serving && source.hasWork();
        double c = cost.of(w, target.stage);
        double before = Math.max(target.drainTime(), busy ? source.drainTime() : 0);
        double after = Math.max(target.drainTimeWithNewcomer(c), busy ? source.drainTime(source.serving - 1) : 0);
        return new Candidate(w, source, serving, c, before - after - c, after + c);
    }

    /** Hysteresis: no worker goes back to the stage it left until {@code hold} has passed. */
    private boolean returnsTooSoon(WorkerState w, String target) {
        return history.lastMove(w.id())
                .filter(m -> m.from().equals(target) && m.at().plus(settings.hold()).isAfter(snapshot.now()))
                .isPresent();
    }

    private void apply(Candidate c, StageLoad target, String why) {
        if (c.serving()) {
            c.source().serving--;
        }
        target.serving++;
        moved.add(c.worker().id());
        Duration stay = Duration.ofMillis(Math.round(c.cost() * 1000)).plus(settings.hold());
        Instant unlock = snapshot.now().plus(stay);
        String reason = String.format(Locale.ROOT, "%s: %s drain time %s, move cost %.0f s", why, target.stage,
                seconds(target.drainTime(target.serving - 1)) + " -> " + seconds(target.drainTime()), c.cost());
        state.assign(c.worker().id(), target.stage, unlock, reason);
    }

    /** Python workers idle on a queue with messages get their unchanged {@code queue} rewritten: their "run again" signal. */
    private List<String> wakes() {
        if (!settings.wakeLegacyWorkers()) {
            return List.of();
        }
        return snapshot.workers().stream()
                .filter(w -> !moved.contains(w.id()) && w.legacy() && w.schedulable() && w.status() != PROCESSING)
                .filter(w -> loads.containsKey(w.queue()) && loads.get(w.queue()).messages > 0)
                .map(WorkerState::id)
                .toList();
    }

    /** A stage with messages and nobody serving it waits since now (or since earlier); any other stage does not wait. */
    private void markWaiting() {
        for (StageState s : snapshot.stages()) {
            long messages = snapshot.depth(s.name()).orElse(0);
            boolean served = snapshot.workers().stream()
                    .anyMatch(w -> (moved.contains(w.id()) || SERVING.contains(w.status())) && s.name().equals(state.queueOf(w.id())));
            Optional<Instant> current = state.waitingSince(s.name());
            state.setWaitingSince(s.name(), messages > 0 && !served ? current.or(() -> Optional.of(snapshot.now())) : Optional.empty());
        }
    }

    private static String seconds(double value) {
        return Double.isInfinite(value) ? "unbounded" : String.format(Locale.ROOT, "%.0f s", value);
    }
}
