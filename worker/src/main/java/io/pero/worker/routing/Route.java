package io.pero.worker.routing;

import io.pero.proto.ProcessingRequest;
import java.util.Optional;

/** Where a delivery goes next, with the message to publish there and why. */
public sealed interface Route {
    String reason();

    /** Publish {@code message} to the next stage {@code queue}; ack once confirmed. */
    record Forward(String queue, ProcessingRequest message, String reason) implements Route {
    }

    /** Publish {@code message} (status Failed) to the output {@code queue}; ack once confirmed. */
    record ToOutput(String queue, ProcessingRequest message, String reason) implements Route {
    }

    /**
     * Publish to the error queue with {@code reason} in a header; ack once confirmed. {@code message} is empty when the body
     * is not a request: the raw body is parked unchanged.
     */
    record ToErrorQueue(Optional<ProcessingRequest> message, String reason) implements Route {
    }

    /**
     * Publish the delivery unchanged (body and properties) back to its own queue with header {@code x-pero-deliveries}
     * = {@code deliveries}; ack once confirmed. Replaces a requeue so the count travels with the message.
     */
    record Recount(int deliveries, String reason) implements Route {
    }

    /** Give the delivery back to the broker (nack with requeue) for another attempt. */
    record Requeue(String reason) implements Route {
    }
}
