package io.pero.worker.mq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.worker.TestClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdleDebounceTest {
    private static final Duration DELAY = Duration.ofMillis(1500);
    private final TestClock clock = new TestClock();
    private final IdleDebounce idle = new IdleDebounce(clock, DELAY);

    @Test
    void busyConsumerHasNoCountdown() {
        idle.workStarted();
        assertEquals(Optional.empty(), idle.untilIdle(), "wait for the next message without a deadline");
        clock.advance(Duration.ofMinutes(1));
        assertFalse(idle.idleDue(), "a long message in hand is not idleness");
    }

    @Test
    void shortGapsBetweenMessagesNeverReportIdle() {
        for (int i = 0; i < 1000; i++) {
            idle.workStarted();
            idle.bufferEmptied();
            clock.advance(Duration.ofMillis(2));
            assertFalse(idle.idleDue(), "gap " + i);
        }
    }

    @Test
    void idleIsDueOnceAfterTheBufferStayedEmptyForTheDelay() {
        idle.workStarted();
        idle.bufferEmptied();
        clock.advance(Duration.ofMillis(1000));
        assertEquals(Optional.of(Duration.ofMillis(500)), idle.untilIdle());
        assertFalse(idle.idleDue());
        clock.advance(Duration.ofMillis(500));
        assertEquals(Optional.of(Duration.ZERO), idle.untilIdle());
        assertTrue(idle.idleDue());
        assertFalse(idle.idleDue(), "reported once per gap");
        assertEquals(Optional.empty(), idle.untilIdle(), "nothing left to wait for once reported");
    }

    @Test
    void countdownStartsAtTheFirstEmptyingNotTheLatest() {
        idle.bufferEmptied();
        clock.advance(Duration.ofMillis(1000));
        idle.bufferEmptied(); // a stale delivery was dropped meanwhile; no message was processed
        clock.advance(Duration.ofMillis(500));
        assertTrue(idle.idleDue());
    }

    @Test
    void workInTheGapRestartsTheCountdown() {
        idle.bufferEmptied();
        clock.advance(Duration.ofMillis(1400));
        idle.workStarted();
        idle.bufferEmptied();
        clock.advance(Duration.ofMillis(1400));
        assertFalse(idle.idleDue());
        clock.advance(Duration.ofMillis(100));
        assertTrue(idle.idleDue());
    }
}
