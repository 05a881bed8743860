package io.pero.common.zk;

import io.pero.common.config.Credentials;
import io.pero.common.net.ServerListParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

/** Settings for test clients of an in-JVM ZooKeeper. */
final class ZkTestSettings {
    private ZkTestSettings() {
    }

    static ZkSettings forConnectString(String connectString, Duration sessionTimeout, Credentials credentials) {
        return new ZkSettings(ServerListParser.parseCommaSeparated(connectString).orThrow(), credentials, sessionTimeout,
                Duration.ofSeconds(5), true);
    }

    static ZkSettings forConnectString(String connectString) {
        return forConnectString(connectString, Duration.ofSeconds(10), Credentials.none());
    }

    /** A local port nobody listens on (free a moment ago). */
    static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
