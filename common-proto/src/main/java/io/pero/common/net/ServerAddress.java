package io.pero.common.net;

import java.util.OptionalInt;

/**
 * One server as listed in ZooKeeper ({@code /pero/worker/config/*_servers/<name>}) or given on a command line.
 * {@link #znodeName()} builds the child name exactly as the Python tools do (spec §3.1).
 */
public record ServerAddress(String host, OptionalInt port) {

    public ServerAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port.getAsInt());
        }
    }

    public static ServerAddress of(String host, int port) {
        return new ServerAddress(host, OptionalInt.of(port));
    }

    public static ServerAddress of(String host) {
        return new ServerAddress(host, OptionalInt.empty());
    }

    public boolean isIpv6() {
        return host.indexOf(':') >= 0;
    }

    public int portOr(int defaultPort) {
        return port.orElse(defaultPort);
    }

    /** {@code host:port}, {@code [ipv6]:port} or the bare host, as the original names the znode. */
    public String znodeName() {
        if (port.isEmpty()) {
            return host;
        }
        return (isIpv6() ? "[" + host + "]" : host) + ":" + port.getAsInt();
    }

    /** Host and port for a connection, with brackets around IPv6. */
    public String hostPort(int defaultPort) {
        return (isIpv6() ? "[" + host + "]" : host) + ":" + portOr(defaultPort);
    }

    @Override
    public String toString() {
        return znodeName();
    }
}
