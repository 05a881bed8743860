package io.pero.watchdog;

import io.pero.common.config.ExitCodes;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.watchdog.apply.ApplyResult;
import io.pero.watchdog.apply.MoveApplier;
import io.pero.watchdog.apply.WriteGuard;
import io.pero.watchdog.events.ReplanTrigger;
import io.pero.watchdog.plan.MoveHistory;
import io.pero.watchdog.plan.Plan;
import io.pero.watchdog.plan.RebalancePolicy;
import io.pero.watchdog.plan.Rebalancer;
import io.pero.watchdog.read.SnapshotReader;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.StageState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling loop: every interval, and soon after cluster events ({@link ReplanTrigger}), if this watchdog may write, read a fresh snapshot, plan, apply, report disconnected
 * workers. Errors the original tolerates (ZooKeeper, broker unreachable, bad JSON) are logged and the loop goes on; more
 * than {@link #MAX_UNEXPECTED_FAILURES} unexpected failures in a row end it with exit code 1 (spec §7.5).
 */
final class Watchdog implements AutoCloseable {
    static final int MAX_UNEXPECTED_FAILURES = 3;
    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    /** What one cycle needs. */
    record Parts(SnapshotReader reader, RebalancePolicy policy, MoveApplier applier, DisconnectedWorkers disconnected,
                 WriteGuard guard, WatchdogMetrics metrics) {
        Parts(SnapshotReader reader, RebalancePolicy policy, MoveApplier applier, DisconnectedWorkers disconnected,
              WriteGuard guard) {
            this(reader, policy, applier, disconnected, guard, new WatchdogMetrics());
        }
    }

    private enum State { LATENT, STARTED, CLOSED }

    private final Parts parts;
    private final Duration interval;
    private final ReplanTrigger trigger;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private volatile List<String> stages = List.of();
    private MoveHistory history = MoveHistory.empty();
    private boolean standby;
    private Set<String> wokenBy = Set.of();

    /** @param trigger wakes the loop early on cluster events; without event sources it only ends the periodic wait */
    Watchdog(Parts parts, Duration interval, ReplanTrigger trigger) {
        this.parts = parts;
        this.interval = interval;
        this.trigger = trigger;
    }

    Watchdog(Parts parts, Duration interval) {
        this(parts, interval, new ReplanTrigger(Duration.ZERO));
    }

    /** The stages of the last snapshot, for the queue poller. */
    List<String> stages() {
        return stages;
    }

    /** Runs cycles on the calling thread until {@link #close()}; returns the exit code. */
    int run() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            if (state.get() == State.CLOSED) {
                return ExitCodes.OK;
            }
            throw new IllegalStateException("watchdog loop cannot be started twice");
        }
        int unexpected = 0;
        while (state.get() == State.STARTED) {
            try {
                runOnce();
                unexpected = 0;
            } catch (KeeperException | ServiceUnavailableException | IOException | UncheckedIOException e) {
                parts.metrics().cycle("failed");
                log.warn("cycle failed, next in {} s cause={}", interval.toSeconds(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.OK;
            } catch (Exception e) {
                parts.metrics().cycle("failed");
                unexpected++;
                log.error("cycle failed unexpectedly consecutive={} cause={}", unexpected, e.toString(), e);
                if (unexpected > MAX_UNEXPECTED_FAILURES) {
                    return ExitCodes.FAILED;
                }
            }
            if (awaitStop()) {
                break;
            }
        }
        return ExitCodes.OK;
    }

    /** One cycle; does nothing while this watchdog may not write. */
    void runOnce() throws Exception {
        if (!parts.guard().mayWrite()) {
            if (!standby) {
                log.info("standby: another watchdog leads or leadership is not confirmed");
                standby = true;
            }
            parts.metrics().cycle("standby");
            return;
        }
        standby = false;
        long t0 = System.nanoTime();
        ClusterSnapshot snapshot = parts.reader().read();
        parts.metrics().observed(snapshot);
        stages = snapshot.stages().stream().map(StageState::name).toList();
        Plan plan = Rebalancer.plan(snapshot, history, parts.policy());
        log.debug("cycle trigger={} scores={} notes={}", trigger(), plan.scores(), plan.notes());
        if (!plan.writesNothing()) {
            ApplyResult result = parts.applier().apply(plan, snapshot);
            history = history.after(result.applied(), snapshot.now(), Duration.ofMinutes(10));
            parts.metrics().moved(result.applied());
            if (!result.applied().isEmpty() || !result.skipped().isEmpty()) {
                log.info(PlanReport.logLine(plan, result) + " trigger=" + trigger());
            } else {
                log.debug(PlanReport.logLine(plan, result) + " trigger=" + trigger());
            }
        }
        parts.metrics().cycleTook(Duration.ofNanos(System.nanoTime() - t0));
        parts.metrics().cycle("planned");
        if (parts.guard().mayWrite()) {
            parts.disconnected().handle(snapshot);
        }
    }

    private String trigger() {
        return wokenBy.isEmpty() ? "cycle" : String.join(",", wokenBy);
    }

    /** Waits for the next periodic cycle or the next burst of events; true when the loop should stop. */
    private boolean awaitStop() {
        try {
            Optional<ReplanTrigger.Wakeup> wakeup = trigger.await(interval);
            wokenBy = wakeup.map(ReplanTrigger.Wakeup::reasons).orElse(Set.of());
            return wakeup.isEmpty() || state.get() != State.STARTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        state.set(State.CLOSED);
        trigger.stop();
    }
}
