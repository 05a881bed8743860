package io.pero.cli.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.cli.support.Cli;
import io.pero.cli.support.CliResult;
import io.pero.cli.support.Queues;
import io.pero.cli.support.Zk;
import io.pero.common.config.ExitCodes;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.embedded.EmbeddedSftpServer;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageConfigIT {
    private static final byte[] EMPTY = new byte[0];

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static EmbeddedZooKeeper zooKeeper;
    private static EmbeddedSftpServer sftp;
    private static CuratorFramework zk;
    private static Cli cli;
    private final List<String> queues = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        TestBroker broker = TestBroker.get();
        zooKeeper = EmbeddedZooKeeper.start(0);
        // No -u: the tools use the original's defaults, guest/guest for RabbitMQ and pero/pero for SFTP.
        sftp = EmbeddedSftpServer.start(0, shared.resolve("sftp"), "pero", "pero");
        zk = Zk.connect(zooKeeper.connectString());
        cli = new Cli(zooKeeper.connectString());
        CliResult r = cli.serverConfig("--add-mq-servers", broker.host() + ":" + broker.port(),
                "--add-ftp-servers", "127.0.0.1:" + sftp.port());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
    }

    @AfterAll
    static void stop() {
        zk.close();
        sftp.close();
        zooKeeper.close();
    }

    @AfterEach
    void deleteQueues() {
        TestBroker.get().deleteQueues(queues.toArray(String[]::new));
    }

    private String stage(String prefix) {
        String name = TestBroker.uniqueName(prefix);
        queues.add(name);
        return name;
    }

    private static byte[] data(String path) throws Exception {
        return zk.getData().forPath(path);
    }

    private static String text(String path) throws Exception {
        return new String(data(path), StandardCharsets.UTF_8);
    }

    private static boolean exists(String path) throws Exception {
        return zk.checkExists().forPath(path) != null;
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content);
    }

    @Test
    void everyCreateOptionWritesTheOriginalsZnodeFormatsQueueAndModel() throws Exception {
        String s = stage("it-ocr");
        String config = "[WORKER]\nDUMMY=yes\nTIME_SCALE=0\n";
        Path model = file("model.tar.xz", "model bytes");
        String remote = "pero/" + s + "/models/model.tar.xz";

        CliResult r = cli.stageConfig("-n", s, "-c", file("config.ini", config).toString(), "-v", "v1", "-r", remote,
                "-f", model.toString(), "-a", "5");
        assertEquals(ExitCodes.OK, r.code(), r.toString());

        assertArrayEquals(config.getBytes(StandardCharsets.UTF_8), data(ZkPaths.stageConfig(s)));
        assertArrayEquals("v1".getBytes(StandardCharsets.UTF_8), data(ZkPaths.stageConfigVersion(s)));
        assertArrayEquals(remote.getBytes(StandardCharsets.UTF_8), data(ZkPaths.stageConfigPath(s)));
        assertArrayEquals(new byte[] {5}, data(ZkPaths.stageAdministrativePriority(s)));
        assertArrayEquals(EMPTY, data(ZkPaths.stageAvgMsgTime(s)));
        assertArrayEquals(EMPTY, data(ZkPaths.stageWaitingSince(s)));
        assertArrayEquals(EMPTY, data(ZkPaths.stage(s)));
        assertEquals("model bytes", Files.readString(sftp.root().resolve(remote)));
        Queues.assertStageQueue(s);
    }

    @Test
    void workerLimitsAreWrittenWhereTheWatchdogReadsThemShownAndCleared() throws Exception {
        String s = stage("it-limits");
        CliResult r = cli.stageConfig("-n", s, "--min-workers", "1", "--max-workers", "3", "-a", "2");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals("1", text(ZkPaths.stageMinWorkers(s)));
        assertEquals("3", text(ZkPaths.stageMaxWorkers(s)));
        assertArrayEquals(new byte[] {2}, data(ZkPaths.stageAdministrativePriority(s)));
        CliResult shown = cli.stageConfig("-s", s);
        assertTrue(shown.out().contains("Workers (min / max)          : 1 / 3"), shown.toString());

        assertEquals(ExitCodes.OK, cli.stageConfig("-n", s, "--max-workers", "none").code());
        assertEquals("", text(ZkPaths.stageMaxWorkers(s)), "none clears the limit");
        assertEquals("1", text(ZkPaths.stageMinWorkers(s)), "the other limit is kept");

        CliResult bad = cli.stageConfig("-n", s, "--min-workers", "4", "--max-workers", "2");
        assertEquals(ExitCodes.BAD_CONFIG, bad.code(), bad.toString());
        assertTrue(bad.err().contains("--min-workers 4 is above --max-workers 2"), bad.err());
        assertEquals("1", text(ZkPaths.stageMinWorkers(s)), "nothing written on bad input");
    }

    @Test
    void defaultVersionIsTheUtcTimeInPythonIsoFormatAndPriorityStartsAtZero() throws Exception {
        String s = stage("it-ver");
        Instant before = Instant.now().minusSeconds(1);
        CliResult r = cli.stageConfig("-n", s, "-c", file("c.ini", "[WORKER]\n").toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());

        String version = text(ZkPaths.stageConfigVersion(s));
        assertTrue(version.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00"), version);
        Instant written = ZkCodecs.parseIsoTime(version).orElseThrow();
        assertTrue(!written.isBefore(before) && written.isBefore(Instant.now().plusSeconds(1)), version);
        assertArrayEquals(new byte[] {0}, data(ZkPaths.stageAdministrativePriority(s)));
        assertArrayEquals(EMPTY, data(ZkPaths.stageConfigPath(s)), "-c creates an empty config_path");
        assertTrue(exists(ZkPaths.stageAvgMsgTime(s)) && exists(ZkPaths.stageWaitingSince(s)));

        assertEquals(ExitCodes.OK, cli.stageConfig("-n", s, "-v", "now").code());
        assertTrue(ZkCodecs.parseIsoTime(text(ZkPaths.stageConfigVersion(s))).orElseThrow().compareTo(written) >= 0);
    }

    @Test
    void keepVersionUpdatesTheConfigButNotItsVersionAndConfigKeepsAPriority() throws Exception {
        String s = stage("it-keep");
        assertEquals(ExitCodes.OK, cli.stageConfig("-n", s, "-c", file("a.ini", "a").toString(), "-v", "v1", "-a", "3").code());
        CliResult r = cli.stageConfig("-n", s, "-c", file("b.ini", "b").toString(), "--keep-version", "-r", "pero/x.tar");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals("v1", text(ZkPaths.stageConfigVersion(s)));
        assertEquals("b", text(ZkPaths.stageConfig(s)));
        assertEquals("pero/x.tar", text(ZkPaths.stageConfigPath(s)));
        assertArrayEquals(new byte[] {3}, data(ZkPaths.stageAdministrativePriority(s)), "-c leaves a non-zero priority alone");
    }

    @Test
    void priorityAloneOnANewStageMakesItSchedulable() throws Exception {
        String s = stage("it-prio");
        CliResult r = cli.stageConfig("-n", s, "-a", "300");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertArrayEquals(new byte[] {1, 44}, data(ZkPaths.stageAdministrativePriority(s)));
        assertTrue(exists(ZkPaths.stageAvgMsgTime(s)), "avg_msg_time");
        assertTrue(exists(ZkPaths.stageWaitingSince(s)), "waiting_since");
        assertFalse(exists(ZkPaths.stageConfigVersion(s)), "no version without -v, -r or -c");
    }

    @Test
    void nameAloneCreatesOnlyTheQueueAsForOutputQueues() throws Exception {
        String s = stage("it-out");
        CliResult r = cli.stageConfig("-n", s);
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        Queues.assertStageQueue(s);
        assertFalse(exists(ZkPaths.stage(s)), "an output queue has no ZooKeeper node");
    }

    @Test
    void queueTypeQuorumDeclaresAQuorumStageQueue() throws Exception {
        String s = stage("it-quorum");
        CliResult r = cli.stageConfig("-n", s, "--queue-type", "quorum");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        try (var c = TestBroker.get().connect("pero-test-quorum-check"); var ch = c.createChannel()) {
            ch.queueDeclarePassive(s);
            // Accepted only with exactly the quorum arguments: a classic queue of that name would be refused.
            ch.queueDeclare(s, true, false, false, io.pero.common.mq.QueueTopology.QUORUM_STAGE_QUEUE_ARGUMENTS);
        }
    }

    @Test
    void deleteRemovesConfigurationQueueAndModelWithItsEmptyDirectories() throws Exception {
        String s = stage("it-del");
        String remote = "pero/" + s + "/deep/model.bin";
        assertEquals(ExitCodes.OK, cli.stageConfig("-n", s, "-c", file("c.ini", "c").toString(), "-r", remote,
                "-f", file("m.bin", "m").toString()).code());
        assertTrue(Files.exists(sftp.root().resolve(remote)));

        CliResult r = cli.stageConfig("-n", s, "-d");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertFalse(exists(ZkPaths.stage(s)));
        assertFalse(Queues.exists(s));
        assertFalse(Files.exists(sftp.root().resolve(remote)));
        assertFalse(Files.exists(sftp.root().resolve("pero/" + s)), "empty parent directories pruned");
    }

    @Test
    void deleteWithKeepConfigDeletesOnlyTheQueue() throws Exception {
        String s = stage("it-delk");
        assertEquals(ExitCodes.OK, cli.stageConfig("-n", s, "-c", file("c.ini", "c").toString()).code());
        CliResult r = cli.stageConfig("-n", s, "-d", "-k");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertFalse(Queues.exists(s));
        assertEquals("c", text(ZkPaths.stageConfig(s)));
    }

    @Test
    void showAndListPrintReadableText() throws Exception {
        String s = stage("it-show");
        assertEquals(ExitCodes.OK, cli.stageConfig("-n", s, "-c", file("c.ini", "[WORKER]\nFAILTEST=yes\n").toString(),
                "-v", "v9", "-a", "2").code());
        CliResult r = cli.stageConfig("-s", s, "-i");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("Configured stages:"), r.out());
        assertTrue(lines.contains("  " + s), r.out());
        assertTrue(lines.contains("Stage " + s + " configuration:"), r.out());
        assertTrue(lines.contains("  OCR Configuration version    : v9"), r.out());
        assertTrue(lines.contains("  Queue administrative priority: 2"), r.out());
        assertTrue(lines.contains("    FAILTEST=yes"), r.out());
        assertTrue(lines.indexOf("Configured stages:") < lines.indexOf("Stage " + s + " configuration:"), "-i before -s");
    }

    @Test
    void withoutFtpServersOnlySftpWorkIsRefusedAndWithoutMqServersQueueWorkIsRefused() throws Exception {
        try (EmbeddedZooKeeper bare = EmbeddedZooKeeper.start(0)) {
            Cli bareCli = new Cli(bare.connectString());
            TestBroker broker = TestBroker.get();
            CliResult noMq = bareCli.stageConfig("-n", stage("it-nomq"));
            assertEquals(ExitCodes.UNREACHABLE, noMq.code(), noMq.toString());
            assertTrue(noMq.err().contains("no RabbitMQ server is registered"), noMq.err());

            assertEquals(ExitCodes.OK, bareCli.serverConfig("--add-mq-servers", broker.host() + ":" + broker.port()).code());
            String s = stage("it-noftp");
            CliResult fine = bareCli.stageConfig("-n", s, "-c", file("c.ini", "c").toString());
            assertEquals(ExitCodes.OK, fine.code(), "a missing ftp_servers node is fine without SFTP work: " + fine);

            CliResult needsSftp = bareCli.stageConfig("-n", s, "-r", "pero/m", "-f", file("m", "m").toString());
            assertEquals(ExitCodes.UNREACHABLE, needsSftp.code(), needsSftp.toString());
            assertTrue(needsSftp.err().startsWith("error: stage config: SFTP is needed to upload the model to pero/m"),
                    needsSftp.err());
            try (CuratorFramework bareZk = Zk.connect(bare.connectString())) {
                assertArrayEquals(EMPTY, bareZk.getData().forPath(ZkPaths.stageConfigPath(s)), "nothing written before the refusal");
            }
        }
    }

    @Test
    void unreachableBrokerIsExitCodeFourBeforeAnyWrite() throws Exception {
        try (EmbeddedZooKeeper bare = EmbeddedZooKeeper.start(0)) {
            Cli bareCli = new Cli(bare.connectString());
            assertEquals(ExitCodes.OK, bareCli.serverConfig("--add-mq-servers", "127.0.0.1:1").code());
            String s = stage("it-nobroker");
            CliResult r = bareCli.stageConfig("-n", s, "-c", file("c.ini", "c").toString());
            assertEquals(ExitCodes.UNREACHABLE, r.code(), r.toString());
            try (CuratorFramework bareZk = Zk.connect(bare.connectString())) {
                assertNull(bareZk.checkExists().forPath(ZkPaths.stage(s)), "no znode written");
            }
        }
    }
}
