package io.pero.cli.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.cli.support.Cli;
import io.pero.cli.support.CliResult;
import io.pero.cli.support.Zk;
import io.pero.common.config.ExitCodes;
import io.pero.common.zk.ZkPaths;
import io.pero.embedded.EmbeddedZooKeeper;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServerConfigIT {
    private static EmbeddedZooKeeper zooKeeper;
    private static CuratorFramework zk;
    private static Cli cli;

    @BeforeAll
    static void start() throws Exception {
        zooKeeper = EmbeddedZooKeeper.start(0);
        zk = Zk.connect(zooKeeper.connectString());
        cli = new Cli(zooKeeper.connectString());
    }

    @AfterAll
    static void stop() {
        zk.close();
        zooKeeper.close();
    }

    @AfterEach
    void clean() throws Exception {
        if (zk.checkExists().forPath(ZkPaths.ROOT) != null) {
            zk.delete().deletingChildrenIfNeeded().forPath(ZkPaths.ROOT);
        }
    }

    private static Set<String> children(String path) throws Exception {
        return new HashSet<>(zk.getChildren().forPath(path));
    }

    @Test
    void addedServersAreEmptyChildrenNamedAsTheOriginalNamesThem() throws Exception {
        CliResult r = cli.serverConfig("--add-mq-servers", "rabbit1:5672", "[::1]:5671", "10.0.0.7",
                "--add-ftp-servers", "sftp.example.org:65535", "--add-monitoring-servers", "rabbit1:15672");
        assertEquals(ExitCodes.OK, r.code(), r.toString());

        assertEquals(Set.of("rabbit1:5672", "[::1]:5671", "10.0.0.7"), children(ZkPaths.MQ_SERVERS));
        assertEquals(Set.of("sftp.example.org:65535"), children(ZkPaths.FTP_SERVERS));
        assertEquals(Set.of("rabbit1:15672"), children(ZkPaths.MQ_MONITORING_SERVERS));
        assertArrayEquals(new byte[0], zk.getData().forPath(ZkPaths.MQ_SERVERS + "/rabbit1:5672"), "server nodes hold no data");
    }

    @Test
    void removeThenAddThenListInOneRun() throws Exception {
        cli.serverConfig("--add-mq-servers", "old1:5672", "old2:5672");
        CliResult r = cli.serverConfig("--rm-mq-servers", "all", "--add-mq-servers", "new:5672", "--list-mq-servers");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(Set.of("new:5672"), children(ZkPaths.MQ_SERVERS));
        assertEquals(List.of("MQ server list:", "new:5672"), r.out().lines().toList());
    }

    @Test
    void removeNamedServersLeavesTheOthers() throws Exception {
        cli.serverConfig("--add-ftp-servers", "a:22", "b:22", "c:22");
        CliResult r = cli.serverConfig("--rm-ftp-servers", "a:22", "c:22", "missing:22", "--list-ftp-servers");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(Set.of("b:22"), children(ZkPaths.FTP_SERVERS));
        assertEquals(List.of("FTP server list:", "b:22"), r.out().lines().toList());
    }

    @Test
    void badEntryChangesNothingAndNamesTheEntry() throws Exception {
        cli.serverConfig("--add-mq-servers", "keep:5672");
        CliResult r = cli.serverConfig("--rm-mq-servers", "all", "--add-mq-servers", "fine:1", "bad_:port",
                "--add-monitoring-servers", "m:15672");
        assertEquals(ExitCodes.BAD_CONFIG, r.code(), r.toString());
        assertTrue(r.err().startsWith("error: server config: --add-mq-servers: bad server entry 'bad_:port'"), r.err());
        assertEquals(Set.of("keep:5672"), children(ZkPaths.MQ_SERVERS));
        assertNull(zk.checkExists().forPath(ZkPaths.MQ_MONITORING_SERVERS), "no list node created either");
    }

    @Test
    void listingAMissingListShowsItEmpty() {
        CliResult r = cli.serverConfig("--list-monitoring-servers");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(List.of("Monitoring server list:"), r.out().lines().toList());
    }

    @Test
    void zooKeeperListFileOverridesZookeeperOption(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path list = java.nio.file.Files.writeString(tmp.resolve("zk.txt"),
                "# our ensemble\n" + zooKeeper.connectString() + "\n");
        CliResult r = new Cli("127.0.0.1:1").serverConfig("-l", list.toString(), "--add-mq-servers", "viafile:5672");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(Set.of("viafile:5672"), children(ZkPaths.MQ_SERVERS));
    }
}
