package io.pero.watchdog.plan;

import static io.pero.common.status.WorkerStatus.DEAD;
import static io.pero.common.status.WorkerStatus.IDLE;
import static io.pero.watchdog.snapshot.SnapshotBuilder.aSnapshot;
import static io.pero.watchdog.snapshot.SnapshotBuilder.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.watchdog.snapshot.ClusterSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadWorkerSweepTest {
    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

    private static ClusterSnapshot at(Instant now) {
        return aSnapshot(now)
                .worker(worker("alive", IDLE, "a"))
                .worker(worker("crashed", IDLE, "a").withConnected(false))
                .worker(worker("stopped", DEAD, "").withConnected(false))
                .build();
    }

    @Test
    void disconnectedWorkersAreReportedButKeptWithoutAGracePeriod() {
        DeadWorkerSweep.Result first = DeadWorkerSweep.empty().sweep(at(T0), Optional.empty());
        DeadWorkerSweep.Result later = first.next().sweep(at(T0.plusSeconds(3600)), Optional.empty());

        assertEquals(List.of("crashed", "stopped"), later.disconnected().stream().map(DeadWorkerSweep.Disconnected::workerId).toList());
        assertEquals(Duration.ofHours(1), later.disconnected().get(0).goneFor());
        assertEquals(List.of(), later.toRemove());
    }

    @Test
    void workersAreRemovedOnlyAfterTheGracePeriodCountedFromWhenFirstSeenGone() {
        Optional<Duration> grace = Optional.of(Duration.ofMinutes(10));
        DeadWorkerSweep.Result first = DeadWorkerSweep.empty().sweep(at(T0), grace);
        DeadWorkerSweep.Result before = first.next().sweep(at(T0.plusSeconds(599)), grace);
        DeadWorkerSweep.Result after = before.next().sweep(at(T0.plusSeconds(600)), grace);

        assertEquals(List.of(), first.toRemove());
        assertEquals(List.of(), before.toRemove());
        assertEquals(List.of("crashed", "stopped"), after.toRemove());
    }

    @Test
    void aWorkerThatReconnectsStartsOverWhenItDisappearsAgain() {
        Optional<Duration> grace = Optional.of(Duration.ofMinutes(10));
        DeadWorkerSweep gone = DeadWorkerSweep.empty().sweep(at(T0), grace).next();
        ClusterSnapshot reconnected = aSnapshot(T0.plusSeconds(300)).worker(worker("crashed", IDLE, "a")).build();
        DeadWorkerSweep back = gone.sweep(reconnected, grace).next();
        DeadWorkerSweep.Result again = back.sweep(at(T0.plusSeconds(700)), grace);

        assertEquals(Duration.ZERO, again.disconnected().get(0).goneFor());
        assertEquals(List.of(), again.toRemove());
    }
}
