package io.pero.worker.routing;

/** What happened to a delivery so far; {@link Router} turns it into the next {@link Route}. */
public sealed interface Outcome {

    /** The processor succeeded; the request still lists the current stage first. */
    record Processed() implements Outcome {
    }

    /** The processor threw; the request still lists the current stage first. */
    record ProcessingFailed(String reason) implements Outcome {
    }

    /** The body is not a usable {@code ProcessingRequest}; there is no request. */
    record Unparseable(String reason) implements Outcome {
    }

    /** The message was delivered {@code deliveries} times without being completed; the request is as received. */
    record TooManyDeliveries(int deliveries) implements Outcome {
    }

    /**
     * The broker redelivered the message: the delivery before ended without completing it. {@code deliveries} such
     * deliveries are known now, this one included; the message is republished carrying that count.
     */
    record Redelivered(int deliveries) implements Outcome {
    }

    /** The broker returned the publish of {@code request} to {@code queue}: no such queue. */
    record Unroutable(String queue) implements Outcome {
    }

    /** The broker did not confirm the publish (nack, timeout, connection lost). */
    record NotConfirmed(String reason) implements Outcome {
    }
}
