package io.pero.cli;

import io.pero.common.cli.ConnectionOptions;
import io.pero.common.cli.ZkAclOption;
import io.pero.common.config.ConfigException;
import io.pero.common.zk.ZkSettings;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The shared connection options plus what only the tools have: {@code --connect-timeout}, the ACL of the znodes they
 * create, and ZooKeeper on this host when no server is given (the tools have no config file to fall back to).
 */
public final class ToolConnectionOptions extends ConnectionOptions {
    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "${env:PERO_CONNECT_TIMEOUT:-20}",
            description = "How long to wait for ZooKeeper before giving up (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Mixin
    ZkAclOption zkAcl = new ZkAclOption();

    public Duration connectTimeout() {
        if (connectTimeoutSeconds <= 0) {
            throw new ConfigException("--connect-timeout " + connectTimeoutSeconds + ": must be a positive number of seconds");
        }
        return Duration.ofSeconds(connectTimeoutSeconds);
    }

    /** Whether to check server host names (yes unless {@code --no-tls-hostname-verification}). */
    public boolean checkHostname() {
        return verifyHostname().orElse(true);
    }

    public ZkSettings zkSettings() {
        return new ZkSettings(zookeeperServersOrDefault(), credentials(), Duration.ofSeconds(30), connectTimeout(), checkHostname(),
                zkAcl.resolve(Optional.empty(), "--zk-acl"));
    }
}
