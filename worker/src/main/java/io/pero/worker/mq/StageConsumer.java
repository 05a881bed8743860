package io.pero.worker.mq;

import java.time.Duration;

/** Consumption of one stage queue by one processor. */
public interface StageConsumer {
    /** True while it takes messages from the queue. */
    boolean isRunning();

    /**
     * Stops taking messages, finishes the message in hand, waits for its publish confirm and ack, and gives every other
     * unacknowledged message back to the broker; waits at most {@code timeout}, then leaves the rest unacked.
     */
    void stop(Duration timeout);
}
