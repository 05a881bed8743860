package io.pero.cli;

import io.pero.common.config.ConfigException;
import io.pero.common.config.Credentials;
import io.pero.common.config.Secret;
import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import io.pero.common.zk.ZkAcl;
import io.pero.common.zk.ZkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * ZooKeeper and authentication options shared by every ZooKeeper-aware command (spec §9), each with an
 * environment-variable twin ({@code PERO_ZOOKEEPER}, {@code PERO_USERNAME}, ...).
 */
public final class ConnectionOptions {
    @Option(names = {"-z", "--zookeeper"}, arity = "1..*", split = ",", paramLabel = "HOST[:PORT]",
            defaultValue = "${env:PERO_ZOOKEEPER:-127.0.0.1:2181}",
            description = "ZooKeeper servers (default: ${DEFAULT-VALUE}; env PERO_ZOOKEEPER).")
    List<String> zookeeper = new ArrayList<>();

    @Option(names = {"-l", "--zookeeper-list"}, paramLabel = "FILE", defaultValue = "${env:PERO_ZOOKEEPER_LIST}",
            description = "File with ZooKeeper servers, one per line; overrides -z (env PERO_ZOOKEEPER_LIST).")
    Path zookeeperList;

    @Option(names = {"-u", "--username"}, defaultValue = "${env:PERO_USERNAME}",
            description = "User for ZooKeeper SASL, RabbitMQ and SFTP (env PERO_USERNAME).")
    String username;

    @Option(names = {"-p", "--password"}, defaultValue = "${env:PERO_PASSWORD}",
            description = "Password for the same (env PERO_PASSWORD, which keeps it out of the process list).")
    String password;

    @Option(names = {"-e", "--ca-cert"}, paramLabel = "FILE", defaultValue = "${env:PERO_CA_CERT}",
            description = "CA certificate (PEM); turns on TLS for ZooKeeper and RabbitMQ (env PERO_CA_CERT).")
    Path caCert;

    @Option(names = "--no-tls-hostname-verification",
            defaultValue = "${env:PERO_NO_TLS_HOSTNAME_VERIFICATION:-false}",
            description = "Check only the certificate chain, not the server host name (as the original does).")
    boolean noTlsHostnameVerification;

    @Option(names = "--zk-acl", paramLabel = "open|creator", defaultValue = "${env:PERO_ZK_ACL:-open}",
            description = "ACL of the znodes this command creates: open (anyone, as the original) or creator (only the "
                    + "-u user; other ZooKeeper users can neither read nor change them) (env PERO_ZK_ACL).")
    String zkAcl;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "${env:PERO_CONNECT_TIMEOUT:-20}",
            description = "How long to wait for ZooKeeper before giving up (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    public Credentials credentials() {
        Optional<Path> ca = Optional.ofNullable(caCert);
        ca.ifPresent(file -> {
            if (!Files.isReadable(file)) {
                throw new ConfigException("--ca-cert " + file + ": file not found or not readable");
            }
        });
        return new Credentials(Optional.ofNullable(username), Secret.of(password), ca);
    }

    public boolean verifyHostname() {
        return !noTlsHostnameVerification;
    }

    public Duration connectTimeout() {
        if (connectTimeoutSeconds <= 0) {
            throw new ConfigException("--connect-timeout " + connectTimeoutSeconds + ": must be a positive number of seconds");
        }
        return Duration.ofSeconds(connectTimeoutSeconds);
    }

    /** The ZooKeeper servers: from {@code -l FILE} when given, else from {@code -z}. */
    public List<ServerAddress> zookeeperServers() {
        if (zookeeperList != null) {
            return ServerFiles.read(zookeeperList, "--zookeeper-list");
        }
        ServerListParser.Result parsed = ServerListParser.parse(zookeeper);
        if (!parsed.ok()) {
            throw new ConfigException("--zookeeper: " + String.join("; ", parsed.errors()));
        }
        if (parsed.servers().isEmpty()) {
            throw new ConfigException("--zookeeper: no servers given");
        }
        return parsed.servers();
    }

    public ZkSettings zkSettings() {
        return new ZkSettings(zookeeperServers(), credentials(), Duration.ofSeconds(30), connectTimeout(), verifyHostname(),
                ZkAcl.parse(zkAcl, "--zk-acl"));
    }
}
