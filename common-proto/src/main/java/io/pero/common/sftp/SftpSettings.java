package io.pero.common.sftp;

import io.pero.common.config.Credentials;
import io.pero.common.net.ServerAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How to reach the SFTP model store: servers tried in order (default port 22), password auth
 * (pero/pero when no username is given, as the original), host keys checked against {@code knownHosts} when set.
 */
public record SftpSettings(Supplier<List<ServerAddress>> servers, Credentials credentials, Optional<Path> knownHosts,
                           Duration timeout) {
    public static final int DEFAULT_PORT = 22;

    public static SftpSettings of(Supplier<List<ServerAddress>> servers, Credentials credentials, Optional<Path> knownHosts) {
        return new SftpSettings(servers, credentials, knownHosts, Duration.ofSeconds(30));
    }
}
