package io.pero.common.cli;

import io.pero.common.config.ConfigException;
import io.pero.common.config.Credentials;
import io.pero.common.config.Secret;
import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerFiles;
import io.pero.common.net.ServerListParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The connection options of every command and daemon ({@code @Mixin}): ZooKeeper servers and the one login for ZooKeeper
 * SASL, RabbitMQ and SFTP (spec §6.1, §9), each with its {@code PERO_<ini key>} environment twin. A value is absent when
 * neither the option nor its variable is given, so a daemon's ini file or a tool's default can fill it in.
 */
public class ConnectionOptions {
    /** Where a tool without a config file looks for ZooKeeper, as the original's scripts do (spec §9). */
    public static final String DEFAULT_ZOOKEEPER = "127.0.0.1:2181";

    // PERO_ZOOKEEPER and PERO_USER are older spellings (the tools', the containers'), still read.
    @Option(names = {"-z", "--zookeeper"}, arity = "1..*", split = ",", paramLabel = "HOST[:PORT]",
            defaultValue = "${env:PERO_ZOOKEEPER_SERVERS:-${env:PERO_ZOOKEEPER}}",
            description = "ZooKeeper servers, space- or comma-separated (env PERO_ZOOKEEPER_SERVERS).")
    List<String> zookeeper;

    @Option(names = {"-l", "--zookeeper-list"}, paramLabel = "FILE", defaultValue = "${env:PERO_ZOOKEEPER_LIST}",
            description = "File with ZooKeeper servers, one per line; overrides -z (env PERO_ZOOKEEPER_LIST).")
    Path zookeeperList;

    @Option(names = {"-u", "--username"}, defaultValue = "${env:PERO_USERNAME:-${env:PERO_USER}}",
            description = "User for ZooKeeper SASL, RabbitMQ and SFTP (env PERO_USERNAME).")
    String username;

    @Option(names = {"-p", "--password"}, defaultValue = "${env:PERO_PASSWORD}",
            description = "Password for the same (env PERO_PASSWORD, which keeps it out of the process list).")
    String password;

    @Option(names = {"-e", "--ca-cert"}, paramLabel = "FILE", defaultValue = "${env:PERO_CA_CERT}",
            description = "CA certificate (PEM); turns on TLS for ZooKeeper and RabbitMQ (env PERO_CA_CERT).")
    Path caCert;

    @Option(names = "--no-tls-hostname-verification", defaultValue = "${env:PERO_NO_TLS_HOSTNAME_VERIFICATION}",
            description = "Check only the certificate chain, not the server host name, as the original does "
                    + "(env PERO_NO_TLS_HOSTNAME_VERIFICATION).")
    Boolean noTlsHostnameVerification;

    public ConnectionOptions() {
    }

    /**
     * The servers of {@code -l FILE} when given, else of {@code -z}; empty when neither (nor its variable) is given.
     *
     * @throws ConfigException naming the option when the list holds a bad entry or no server
     */
    public Optional<List<ServerAddress>> zookeeperServers() {
        if (zookeeperList != null) {
            return Optional.of(ServerFiles.read(zookeeperList, "--zookeeper-list"));
        }
        if (zookeeper == null || zookeeper.isEmpty()) {
            return Optional.empty();
        }
        ServerListParser.Result parsed = ServerListParser.parse(zookeeper);
        if (!parsed.ok()) {
            throw new ConfigException("--zookeeper: " + String.join("; ", parsed.errors()));
        }
        if (parsed.servers().isEmpty()) {
            throw new ConfigException("--zookeeper: no servers given");
        }
        return Optional.of(parsed.servers());
    }

    /** The servers given, else {@link #DEFAULT_ZOOKEEPER}: for the tools, which have no config file. */
    public List<ServerAddress> zookeeperServersOrDefault() {
        return zookeeperServers().orElseGet(() -> ServerListParser.parseCommaSeparated(DEFAULT_ZOOKEEPER).servers());
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public Optional<Path> caCert() {
        return Optional.ofNullable(caCert);
    }

    /** Whether to check server host names; empty when {@code --no-tls-hostname-verification} was not given. */
    public Optional<Boolean> verifyHostname() {
        return Optional.ofNullable(noTlsHostnameVerification).map(off -> !off);
    }

    /**
     * The credentials given here alone (tools).
     *
     * @throws ConfigException when the CA certificate is not a readable file
     */
    public Credentials credentials() {
        caCert().filter(file -> !Files.isReadable(file)).ifPresent(file -> {
            throw new ConfigException("--ca-cert " + file + ": file not found or not readable");
        });
        return new Credentials(username(), Secret.of(password), caCert());
    }
}
