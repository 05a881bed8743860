package io.pero.common.config;

/** ZooKeeper, RabbitMQ or SFTP could not be reached; the message names the service and addresses. Exit code 4. */
public class ServiceUnavailableException extends RuntimeException {
    public ServiceUnavailableException(String message) {
        super(message);
    }

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
