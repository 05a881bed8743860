package io.pero.worker.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StaleNodeDeadlineTest {
    private static final long S = 1_000_000_000L;

    @Test
    void withoutReconnectTheWaitEndsASessionTimeoutPlusMarginAfterItStarted() {
        StaleNodeDeadline d = new StaleNodeDeadline(100 * S, Duration.ofSeconds(15));
        assertEquals(Duration.ofSeconds(15), d.remaining(100 * S));
        assertEquals(Duration.ofSeconds(1), d.remaining(114 * S));
        assertEquals(Duration.ZERO, d.remaining(116 * S));
    }

    @Test
    void aReconnectDuringTheWaitGivesTheWholeWaitAgainFromThen() {
        // ZooKeeper restarted 4 s into the wait, 3 s down: the dead session lives 10 s from its restart, past 15 s.
        StaleNodeDeadline d = new StaleNodeDeadline(100 * S, Duration.ofSeconds(15));
        d.reconnected(107 * S);
        assertEquals(Duration.ofSeconds(7), d.remaining(115 * S));
        assertEquals(Duration.ZERO, d.remaining(122 * S));
    }

    @Test
    void anEarlyReconnectNeverShortensTheWait() {
        StaleNodeDeadline d = new StaleNodeDeadline(100 * S, Duration.ofSeconds(15));
        d.reconnected(90 * S);
        assertEquals(Duration.ofSeconds(15), d.remaining(100 * S));
    }
}
