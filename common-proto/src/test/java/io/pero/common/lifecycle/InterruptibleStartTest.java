package io.pero.common.lifecycle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InterruptibleStartTest {
    private final InterruptibleStart start = new InterruptibleStart();

    @Test
    void stopInterruptsAThreadBlockedWhileStartingAndEndClearsTheInterruptAgain() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CompletableFuture<Boolean> interruptCleared = new CompletableFuture<>();
        Thread daemon = new Thread(() -> {
            start.begin();
            try {
                blocked.countDown();
                new CountDownLatch(1).await(); // a connect wait with no end of its own
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                start.end();
                interruptCleared.complete(!Thread.currentThread().isInterrupted());
            }
        });
        daemon.start();
        assertTrue(blocked.await(10, TimeUnit.SECONDS));

        start.stop();

        assertTrue(interruptCleared.get(10, TimeUnit.SECONDS), "the shutdown that follows would be interrupted");
        assertTrue(start.stopRequested());
    }

    @Test
    void aStopBeforeTheStartSkipsIt() {
        start.stop();
        assertFalse(start.begin());
    }

    @Test
    void aStopAfterTheStartLeavesTheRunningThreadAlone() {
        assertTrue(start.begin());
        start.end();
        start.stop();
        assertFalse(Thread.interrupted());
        assertTrue(start.stopRequested());
    }

    @Test
    void withoutAStopTheStartIsNeverInterrupted() {
        assertTrue(start.begin());
        start.end();
        assertFalse(start.stopRequested());
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
