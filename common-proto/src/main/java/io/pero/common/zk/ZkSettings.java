package io.pero.common.zk;

import io.pero.common.config.Credentials;
import io.pero.common.net.ServerAddress;
import java.time.Duration;
import java.util.List;

/**
 * How to reach ZooKeeper: servers (default port 2181), SASL credentials, TLS CA, timeouts, and the ACL of the znodes
 * the client creates.
 */
public record ZkSettings(List<ServerAddress> servers, Credentials credentials, Duration sessionTimeout,
                         Duration connectionTimeout, boolean verifyHostname, ZkAcl acl) {
    public static final int DEFAULT_PORT = 2181;

    public ZkSettings {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no ZooKeeper servers given");
        }
        acl = acl == null ? ZkAcl.OPEN : acl;
    }

    /** With open znode ACLs, as the original. */
    public ZkSettings(List<ServerAddress> servers, Credentials credentials, Duration sessionTimeout,
                      Duration connectionTimeout, boolean verifyHostname) {
        this(servers, credentials, sessionTimeout, connectionTimeout, verifyHostname, ZkAcl.OPEN);
    }

    public ZkSettings withAcl(ZkAcl newAcl) {
        return new ZkSettings(servers, credentials, sessionTimeout, connectionTimeout, verifyHostname, newAcl);
    }

    public static ZkSettings of(List<ServerAddress> servers, Credentials credentials) {
        return new ZkSettings(servers, credentials, Duration.ofSeconds(30), Duration.ofSeconds(20), true);
    }

    /** {@code host:port,host:port} as the ZooKeeper client expects it. */
    public String connectString() {
        return String.join(",", servers.stream().map(s -> s.hostPort(DEFAULT_PORT)).toList());
    }
}
