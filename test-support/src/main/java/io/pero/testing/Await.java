package io.pero.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The one way tests wait: poll a condition until it holds or fail with a message saying what was awaited. */
public final class Await {
    private Await() {
    }

    public static void until(Duration timeout, BooleanSupplier condition, String whatWeWaitFor) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (org.opentest4j.TestAbortedException e) {
                // An assumption inside the condition (e.g. TestBroker.assumeRabbitMq) skips the test at once.
                throw e;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out after " + timeout + " waiting for: " + whatWeWaitFor, e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + whatWeWaitFor);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + whatWeWaitFor, e);
            }
        }
    }
}
