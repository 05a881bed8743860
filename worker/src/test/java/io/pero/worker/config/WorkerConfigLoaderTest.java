package io.pero.worker.config;

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

class WorkerConfigLoaderTest {
    @TempDir
    Path dir;

    private WorkerConfig load(String... args) {
        WorkerOptions options = new WorkerOptions();
        new CommandLine(options).parseArgs(args);
        return WorkerConfigLoader.load(options);
    }

    private Path ini(String body) throws IOException {
        return Files.writeString(dir.resolve("worker.ini"), body);
    }

    @Test
    void defaultsApplyWhenOnlyZooKeeperIsGiven() {
        WorkerConfig c = load("-z", "zk1:2181,zk2", "--cache-directory", dir.toString());
        assertEquals(List.of(ServerAddress.of("zk1", 2181), ServerAddress.of("zk2")), c.zookeeperServers());
        assertEquals(Optional.empty(), c.workerId());
        assertTrue(c.remoteLogging());
        assertEquals("log", c.logQueue());
        assertTrue(c.verifyHostname());
        assertEquals(new WorkerConfig.Limits(8, 5, 10, Duration.ofSeconds(300)), c.limits());
    }

    @Test
    void commandLineOverridesTheIniWhichOverridesDefaults() throws IOException {
        Path file = ini("[WORKER]\nzookeeper_servers = a:1, b:2\nworker_id = w-ini\nlog_queue = ini-log\n"
                + "disable_remote_logging = True\nprefetch = 3\ncache_dir = " + dir + "\npassword = s3cret\n");
        WorkerConfig c = load("-c", file.toString(), "-i", "w-cli", "--prefetch", "4");
        assertEquals(List.of(ServerAddress.of("a", 1), ServerAddress.of("b", 2)), c.zookeeperServers());
        assertEquals(Optional.of("w-cli"), c.workerId());
        assertEquals("ini-log", c.logQueue());
        assertFalse(c.remoteLogging());
        assertEquals(4, c.limits().prefetch());
        assertFalse(c.summary().contains("s3cret"), "no secrets in the summary");
    }

    @Test
    void withoutServersZooKeeperIsOnThisHostAsForTheTools() {
        WorkerConfig c = load("--cache-directory", dir.toString());
        assertEquals("[127.0.0.1:2181]", c.zookeeperServers().toString());
    }

    @Test
    void zookeeperAcceptsSpaceAndCommaSeparatedLists() {
        WorkerConfig c = load("-z", "a", "b,c", "--cache-directory", dir.toString());
        assertEquals(3, c.zookeeperServers().size());
    }

    @Test
    void everyProblemIsReportedWithItsSource() throws IOException {
        Path file = ini("[WORKER]\nprefetch = 0\nshutdown_timeout = soon\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("-c", file.toString(), "--cache-directory", dir.resolve("missing").toString()));
        String m = e.getMessage();
        assertTrue(m.contains("prefetch=0: must be >= 1"), m);
        assertTrue(m.contains("shutdown_timeout"), m);
        assertTrue(m.contains("directory does not exist"), m);
    }
}
