package io.pero.common.mq;

import io.pero.common.config.Credentials;
import io.pero.common.net.ServerAddress;
import java.util.List;
import java.util.function.Supplier;

/**
 * How to reach RabbitMQ: servers (re-read on every connect and recovery, so a ZooKeeper list change is
 * picked up), credentials (guest/guest when none), TLS CA, host name verification, heartbeat.
 */
public record AmqpSettings(Supplier<List<ServerAddress>> servers, Credentials credentials, boolean verifyHostname,
                           int heartbeatSeconds) {
    public static final int DEFAULT_PORT = 5672;

    public static AmqpSettings of(Supplier<List<ServerAddress>> servers, Credentials credentials) {
        return new AmqpSettings(servers, credentials, true, 60);
    }
}
