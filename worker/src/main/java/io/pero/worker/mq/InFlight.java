package io.pero.worker.mq;

import java.time.Duration;

/** Deliveries taken for processing and not settled yet; lets a stop wait for their confirms and acks. */
final class InFlight {
    private int count;

    synchronized void increment() {
        count++;
    }

    synchronized void decrement() {
        count--;
        if (count <= 1) {
            notifyAll();
        }
    }

    synchronized int count() {
        return count;
    }

    /** Waits until nothing is in flight or {@code timeout} passed; true when nothing is left. */
    synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
        return awaitAtMost(0, timeout);
    }

    /** Waits until at most {@code n} are in flight or {@code timeout} passed; true when at most {@code n} are left. */
    synchronized boolean awaitAtMost(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count > n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
