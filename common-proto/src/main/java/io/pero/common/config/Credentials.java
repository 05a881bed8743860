package io.pero.common.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one set of credentials the original uses for ZooKeeper SASL, AMQP and SFTP alike (spec §6.1),
 * plus the CA certificate that turns on TLS for ZooKeeper and AMQP.
 */
public record Credentials(Optional<String> username, Secret password, Optional<Path> caCert) {
    public static Credentials none() {
        return new Credentials(Optional.empty(), Secret.none(), Optional.empty());
    }

    public Credentials {
        username = username.filter(u -> !u.isEmpty());
        password = password == null ? Secret.none() : password;
    }
}
