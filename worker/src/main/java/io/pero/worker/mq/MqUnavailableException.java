package io.pero.worker.mq;

import java.io.IOException;

/** RabbitMQ is not connected at the moment; the worker waits for the connection. */
public final class MqUnavailableException extends IOException {
    public MqUnavailableException(String message) {
        super(message);
    }
}
