package io.pero.bench;

import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The RabbitMQ a cluster benchmark runs against, and the management API its watchdog reads depths from. */
final class BrokerOptions {
    @Option(names = "--mq", defaultValue = "127.0.0.1:5672", paramLabel = "HOST:PORT",
            description = "RabbitMQ, guest/guest, vhost pero (default ${DEFAULT-VALUE})")
    String mq;

    @Option(names = "--management", defaultValue = "127.0.0.1:15672", paramLabel = "HOST:PORT",
            description = "RabbitMQ management API registered for the watchdog; 'none' = AMQP counts only (default ${DEFAULT-VALUE})")
    String management;

    ServerAddress broker() {
        return ServerListParser.parseOne(mq);
    }

    Optional<ServerAddress> managementApi() {
        return management.equals("none") ? Optional.empty() : Optional.of(ServerListParser.parseOne(management));
    }
}
