package io.pero.logdaemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import io.pero.common.net.ServerAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LogDaemonConfigLoaderTest {
    @TempDir
    Path dir;

    private static LogDaemonConfig load(String... args) {
        LogDaemonOptions options = new LogDaemonOptions();
        new CommandLine(options).parseArgs(args);
        return LogDaemonConfigLoader.load(options);
    }

    @Test
    void defaultsFollowTheOriginal() {
        LogDaemonConfig c = load("-z", "zk1");
        assertEquals(List.of(ServerAddress.of("zk1")), c.zookeeperServers());
        assertEquals("log", c.logQueue());
        assertEquals(Path.of("logs"), c.outputDir());
        assertEquals(Duration.ofMinutes(10080), c.rotationPeriod());
        assertEquals(0, c.numberOfFiles());
        assertTrue(c.verifyHostname());
    }

    @Test
    void readsTheLogdSectionAndTheCommandLineOverridesIt() throws IOException {
        Path ini = Files.writeString(dir.resolve("logd.ini"), """
                [LOGD]
                zookeeper_servers = zk1:2181, zk2
                username = pero
                password = pero_pass
                log_queue = logs2
                output_dir = /var/log/pero
                log_rotation_period = 60
                number_of_files = 10
                """);
        LogDaemonConfig fromFile = load("-c", ini.toString());
        assertEquals(List.of(ServerAddress.of("zk1", 2181), ServerAddress.of("zk2")), fromFile.zookeeperServers());
        assertEquals(Optional.of("pero"), fromFile.credentials().username());
        assertEquals("pero_pass", fromFile.credentials().password().reveal());
        assertFalse(fromFile.toString().contains("pero_pass"), "config summary must not reveal the password");
        assertEquals("logs2", fromFile.logQueue());
        assertEquals(Path.of("/var/log/pero"), fromFile.outputDir());
        assertEquals(Duration.ofHours(1), fromFile.rotationPeriod());
        assertEquals(10, fromFile.numberOfFiles());

        LogDaemonConfig overridden = load("-c", ini.toString(), "-z", "zk9:1", "-q", "q", "-o", "out", "-r", "5", "-n", "3");
        assertEquals(List.of(ServerAddress.of("zk9", 1)), overridden.zookeeperServers());
        assertEquals("q", overridden.logQueue());
        assertEquals(Path.of("out"), overridden.outputDir());
        assertEquals(Duration.ofMinutes(5), overridden.rotationPeriod());
        assertEquals(3, overridden.numberOfFiles());
    }

    @Test
    void everyProblemIsReportedWithTheOptionToFix() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("-r", "0", "-n", "-1"));
        assertTrue(e.getMessage().contains("no ZooKeeper servers"), e.getMessage());
        assertTrue(e.getMessage().contains("rotation period must be > 0"), e.getMessage());
        assertTrue(e.getMessage().contains("number of files must be >= 0"), e.getMessage());
    }

    @Test
    void badServerEntryAndMissingCaFileAreConfigErrors() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("-z", "zk1:99999", "-e", dir.resolve("nope.pem").toString()));
        assertTrue(e.getMessage().contains("zk1:99999"), e.getMessage());
        assertTrue(e.getMessage().contains("nope.pem"), e.getMessage());
    }

    @Test
    void hiddenSecondsOverrideIsForTests() {
        assertEquals(Duration.ofSeconds(2), load("-z", "zk", "--rotation-period-seconds", "2").rotationPeriod());
    }
}
