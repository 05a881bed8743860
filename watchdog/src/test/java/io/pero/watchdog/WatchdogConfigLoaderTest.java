package io.pero.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import io.pero.common.zk.ZkAcl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class WatchdogConfigLoaderTest {
    @TempDir
    Path dir;

    private WatchdogConfig load(String... args) {
        WatchdogOptions options = new WatchdogOptions();
        new CommandLine(options).parseArgs(args);
        return WatchdogConfigLoader.load(options);
    }

    private Path ini(String text) throws Exception {
        Path file = dir.resolve("watchdog.ini");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void defaultsMatchTheOriginalWhereItHasThem() {
        WatchdogConfig c = load("-z", "zk1:2181");
        assertEquals(Duration.ofSeconds(10), c.interval());
        assertEquals("default", c.policyName());
        assertTrue(c.leaderElection());
        assertEquals(Optional.empty(), c.removeDeadAfter());
        assertEquals("zk1:2181", c.zk().connectString());
        assertFalse(c.dryRun());
    }

    @Test
    void watchdogSectionWinsAndTheCommandLineWinsOverIt() throws Exception {
        Path file = ini("[WORKER]\nzookeeper_servers=worker-zk\nusername=worker\n"
                + "[WATCHDOG]\nzookeeper_servers=wd-zk:2000\nusername=watchdog\npolicy=original\ninterval=30\n");
        WatchdogConfig fromFile = load("-c", file.toString());
        WatchdogConfig overridden = load("-c", file.toString(), "-u", "cli", "--policy", "default", "--interval", "5s");

        assertEquals("wd-zk:2000", fromFile.zk().connectString());
        assertEquals(Optional.of("watchdog"), fromFile.credentials().username());
        assertEquals("original", fromFile.policyName());
        assertEquals(Duration.ofSeconds(30), fromFile.interval());
        assertEquals(Optional.of("cli"), overridden.credentials().username());
        assertEquals("default", overridden.policyName());
        assertEquals(Duration.ofSeconds(5), overridden.interval());
    }

    @Test
    void workerSectionIsUsedWhenThereIsNoWatchdogSection() throws Exception {
        WatchdogConfig c = load("-c", ini("[WORKER]\nzookeeper_servers=a:1,b:2\npassword=secret\n").toString());
        assertEquals("a:1,b:2", c.zk().connectString());
        assertEquals("****", c.credentials().password().toString());
    }

    @Test
    void znodeAclComesFromTheWorkersSectionAndTheOptionWinsOverIt() throws Exception {
        // Holds where PERO_ZK_ACL is unset, as in the build.
        Path shared = ini("[WORKER]\nzookeeper_servers=zk\nusername=pero\nzk_acl=creator\n");

        assertEquals(ZkAcl.OPEN, load("-z", "zk").zk().acl(), "open by default, as the original");
        assertEquals(ZkAcl.CREATOR, load("-c", shared.toString()).zk().acl(), "the workers' zk_acl, so the watchdog's nodes match theirs");
        assertEquals(ZkAcl.OPEN, load("-c", shared.toString(), "--zk-acl", "open").zk().acl());
        ConfigException bad = assertThrows(ConfigException.class, () -> load("-z", "zk", "--zk-acl", "private"));
        assertTrue(bad.getMessage().startsWith("--zk-acl=private: must be open or creator"), bad.getMessage());
    }

    @Test
    void extensionsFromTheCommandLine() {
        WatchdogConfig c = load("-z", "zk", "--no-leader-election", "--remove-dead-after", "10m", "--dry-run");
        assertFalse(c.leaderElection());
        assertEquals(Optional.of(Duration.ofMinutes(10)), c.removeDeadAfter());
        assertTrue(c.dryRun());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--policy|fancy|policy=fancy: must be default or original",
            "--interval|soon|interval=soon: not a duration",
            "--interval|0|interval=0: must be positive",
            "--remove-dead-after|-5|remove_dead_after=-5: not a duration",
            "-z|bad host!|--zookeeper"})
    void badValuesAreRejectedNamingTheSetting(String option, String value, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> load("-z", "zk", option, value));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void zooKeeperServersAreRequired() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("--dry-run"));
        assertTrue(e.getMessage().startsWith("no ZooKeeper servers"), e.getMessage());
    }

    @Test
    void durationsAcceptSecondsUnitsAndIso() {
        assertEquals(Duration.ofSeconds(600), Durations.parse("600", "x"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s", "x"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h", "x"));
        assertEquals(Duration.ofMinutes(15), Durations.parse("PT15M", "x"));
    }
}
