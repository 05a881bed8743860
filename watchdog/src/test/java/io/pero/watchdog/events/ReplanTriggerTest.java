package io.pero.watchdog.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplanTriggerTest {
    @Test
    void aBurstOfEventsWakesTheLoopOnceWithAllReasons() throws Exception {
        ReplanTrigger trigger = new ReplanTrigger(Duration.ZERO);
        trigger.signal("worker IDLE w1");
        trigger.signal("queue filled s2");
        trigger.signal("worker IDLE w1");

        Optional<ReplanTrigger.Wakeup> wakeup = trigger.await(Duration.ofHours(1));

        assertEquals(Set.of("worker IDLE w1", "queue filled s2"), wakeup.orElseThrow().reasons());
    }

    @Test
    void withoutEventsTheLoopWakesForThePeriodicCycle() throws Exception {
        ReplanTrigger trigger = new ReplanTrigger(Duration.ofMillis(300));
        assertTrue(trigger.await(Duration.ZERO).orElseThrow().periodic());
    }

    @Test
    void anEventDuringTheWaitEndsItAfterTheDebounce() throws Exception {
        ReplanTrigger trigger = new ReplanTrigger(Duration.ofMillis(50));
        CompletableFuture<Optional<ReplanTrigger.Wakeup>> wait = CompletableFuture.supplyAsync(() -> {
            try {
                return trigger.await(Duration.ofHours(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        trigger.signal("worker connected w4");
        assertEquals(Set.of("worker connected w4"), wait.get(30, TimeUnit.SECONDS).orElseThrow().reasons());
    }

    @Test
    void stopEndsTheWait() throws Exception {
        ReplanTrigger trigger = new ReplanTrigger(Duration.ZERO);
        trigger.stop();
        assertTrue(trigger.await(Duration.ofHours(1)).isEmpty());
    }
}
