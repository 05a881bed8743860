package io.pero.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import io.pero.common.net.ServerAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConnectionOptionsTest {
    @TempDir
    Path dir;

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        ConnectionOptions connection = new ConnectionOptions();
    }

    private static ConnectionOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.connection;
    }

    @Test
    void serversMayBeSpaceOrCommaSeparated() {
        assertEquals(List.of(ServerAddress.of("a", 1), ServerAddress.of("b"), ServerAddress.of("c", 3)),
                parse("-z", "a:1,b", "c:3").zookeeperServers().orElseThrow());
    }

    @Test
    void nothingGivenLeavesEverythingToTheCaller() {
        // Holds only where the PERO_* variables are unset, as in the build.
        ConnectionOptions none = parse();
        assertEquals(Optional.empty(), none.zookeeperServers());
        assertEquals(Optional.empty(), none.username());
        assertEquals(Optional.empty(), none.verifyHostname(), "the ini file's tls_verify_hostname can still decide");
        assertEquals(List.of(ServerAddress.of("127.0.0.1", 2181)), none.zookeeperServersOrDefault());
    }

    @Test
    void listFileOverridesZookeeperOption() throws Exception {
        Path list = Files.writeString(dir.resolve("zk.list"), "# ensemble\nzk1:2181\n\nzk2\n");
        assertEquals(List.of(ServerAddress.of("zk1", 2181), ServerAddress.of("zk2")),
                parse("-z", "ignored:1", "-l", list.toString()).zookeeperServers().orElseThrow());
    }

    @Test
    void badServerNamesTheOption() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("-z", "host:notaport").zookeeperServers());
        assertTrue(e.getMessage().startsWith("--zookeeper: "), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> parse("-l", dir.resolve("none.list").toString()).zookeeperServers());
        assertTrue(missing.getMessage().startsWith("--zookeeper-list "), missing.getMessage());
    }

    @Test
    void credentialsKeepThePasswordSecret() {
        ConnectionOptions given = parse("-u", "pero", "-p", "s3cret", "--no-tls-hostname-verification");
        assertEquals(Optional.of("pero"), given.credentials().username());
        assertEquals("s3cret", given.credentials().password().reveal());
        assertFalse(given.credentials().toString().contains("s3cret"), given.credentials().toString());
        assertEquals(Optional.of(false), given.verifyHostname());
    }

    @Test
    void unreadableCaCertificateIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("-e", dir.resolve("ca.pem").toString()).credentials());
        assertTrue(e.getMessage().startsWith("--ca-cert "), e.getMessage());
    }

    @Test
    void everyOptionNamesItsEnvironmentVariable() {
        CommandLine.Model.CommandSpec spec = new CommandLine(new Probe()).setInterpolateVariables(false).getCommandSpec();
        for (String[] option : new String[][] {{"--zookeeper", "PERO_ZOOKEEPER_SERVERS"}, {"--zookeeper-list", "PERO_ZOOKEEPER_LIST"},
                {"--username", "PERO_USERNAME"}, {"--password", "PERO_PASSWORD"}, {"--ca-cert", "PERO_CA_CERT"},
                {"--no-tls-hostname-verification", "PERO_NO_TLS_HOSTNAME_VERIFICATION"}}) {
            CommandLine.Model.OptionSpec spec1 = spec.findOption(option[0]);
            assertTrue(spec1.defaultValue().startsWith("${env:" + option[1]), option[0] + " " + spec1.defaultValue());
            assertTrue(String.join(" ", spec1.description()).contains(option[1]), option[0] + " documents " + option[1]);
        }
    }
}
