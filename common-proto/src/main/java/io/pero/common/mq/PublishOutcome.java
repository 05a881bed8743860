package io.pero.common.mq;

/** What the broker said about one publish with {@code mandatory=true} and confirms on. */
public enum PublishOutcome {
    /** Routed to a queue and confirmed (persisted). */
    CONFIRMED,
    /** Returned by the broker: no queue of that name (basic.return came before the ack). */
    UNROUTABLE,
    /** Negatively acknowledged by the broker. */
    NACKED
}
