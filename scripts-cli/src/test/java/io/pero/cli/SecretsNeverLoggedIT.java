package io.pero.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.pero.cli.support.Cli;
import io.pero.cli.support.CliResult;
import io.pero.cli.support.Zk;
import io.pero.common.config.ExitCodes;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.embedded.EmbeddedSftpServer;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.logdaemon.InProcessLogDaemon;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import io.pero.testing.ZooKeeperSaslUsers;
import io.pero.worker.WorkerMain;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * Secrets never appear in logs (issue 9 item 8): a full pipeline (stage tool uploading a model over SFTP, publisher,
 * worker downloading it, log daemon, download of the results) in which every component logs in with its own random
 * password to ZooKeeper (SASL DIGEST-MD5), RabbitMQ and SFTP, plus logins refused by each service. Every log line
 * (all loggers at DEBUG, and stdout/stderr), every file the log daemon wrote, every downloaded result (StageLogs
 * included), every tool's output and every znode's data is searched for each password. SFTP host keys are verified
 * against known_hosts throughout.
 */
class SecretsNeverLoggedIT {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int REQUESTS = 4;

    @TempDir
    Path tmp;

    private final String run = TestBroker.uniqueName("sec");
    /** The worker's one set of credentials, for ZooKeeper, RabbitMQ and SFTP alike. */
    private final String workerUser = run + "-worker";
    private final String logdUser = run + "-logd";
    private final String adminUser = run + "-admin";
    /** Gives the "refused" password: ZooKeeper accepts it, RabbitMQ knows this user by another one. */
    private final String mqRefusedUser = run + "-mqrefused";
    /** Gives the "refused" password: ZooKeeper and RabbitMQ accept it, SFTP knows this user by another one. */
    private final String sftpRefusedUser = run + "-sftprefused";
    private final Map<String, String> secrets = new LinkedHashMap<>();

    private ZooKeeperSaslUsers saslUsers;
    private EmbeddedZooKeeper zooKeeper;
    private EmbeddedSftpServer sftp;
    private CuratorFramework zk;
    private Cli cli;
    private String stage;
    private String out;
    private String logQueue;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private final Map<ch.qos.logback.classic.Logger, Level> previousLevels = new LinkedHashMap<>();
    private PrintStream previousOut;
    private PrintStream previousErr;

    private static String password(String role) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "Pw" + role + HexFormat.of().formatHex(bytes);
    }

    @BeforeEach
    void start() throws Exception {
        TestBroker broker = TestBroker.get();
        broker.assumeRabbitMq("users with passwords, created through the management API");
        secrets.put("worker", password("Worker"));
        secrets.put("logd", password("Logd"));
        secrets.put("admin", password("Admin"));
        secrets.put("refused", password("Refused"));
        secrets.put("mq-other", password("MqOther"));
        secrets.put("sftp-other", password("SftpOther"));
        secrets.put("zk-super", password("Super"));
        captureLogs();

        saslUsers = ZooKeeperSaslUsers.install(Map.of(workerUser, secrets.get("worker"), logdUser, secrets.get("logd"),
                adminUser, secrets.get("admin"), mqRefusedUser, secrets.get("refused"), sftpRefusedUser, secrets.get("refused"),
                "super", secrets.get("zk-super")));
        zooKeeper = EmbeddedZooKeeper.start(0);
        for (String user : List.of(workerUser, logdUser, adminUser)) {
            broker.createUser(user, secrets.get(user.substring(run.length() + 1)));
        }
        broker.createUser(mqRefusedUser, secrets.get("mq-other"));
        broker.createUser(sftpRefusedUser, secrets.get("refused"));
        Map<String, String> sftpUsers = Map.of(workerUser, secrets.get("worker"), adminUser, secrets.get("admin"),
                sftpRefusedUser, secrets.get("sftp-other"));
        sftp = EmbeddedSftpServer.start(0, tmp.resolve("sftp"), workerUser, secrets.get("worker"),
                EmbeddedSftpServer.HostKeyType.ED25519,
                s -> s.setPasswordAuthenticator((u, p, session) -> p != null && p.equals(sftpUsers.get(u))));
        zk = Zk.connect(zooKeeper.connectString());
        cli = new Cli(zooKeeper.connectString());
        stage = TestBroker.uniqueName("sec-stage");
        out = TestBroker.uniqueName("sec-out");
        logQueue = TestBroker.uniqueName("sec-log");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            restoreLogs();
            if (zk != null) {
                zk.close();
            }
            if (zooKeeper != null) {
                zooKeeper.close();
            }
            if (sftp != null) {
                sftp.close();
            }
            TestBroker broker = TestBroker.get();
            if (stage != null) {
                broker.deleteQueues(stage, out, logQueue);
            }
            if (!secrets.isEmpty() && broker.isRabbitMq()) {
                List.of(workerUser, logdUser, adminUser, mqRefusedUser, sftpRefusedUser).forEach(broker::deleteUser);
            }
        } finally {
            if (saslUsers != null) {
                saslUsers.close();
            }
        }
    }

    @Test
    void noPasswordReachesAnyLogResultToolOutputOrZnode() throws Exception {
        List<CliResult> toolRuns = new ArrayList<>();
        Path model = tmp.resolve("model.tar.xz");
        Files.copy(Path.of(System.getProperty("pero.shared.dir", "../testdata"), "testvectors", "model-archive-test1.tar.xz"),
                model);
        Path ini = Files.writeString(tmp.resolve("dummy.ini"), "[WORKER]\nDUMMY = yes\nTIME_SCALE = 0\n");
        // The SFTP host key is verified wherever SFTP is used (the tools' upload, the worker's download).
        Path knownHosts = tmp.resolve("known_hosts");
        sftp.writeKnownHosts(knownHosts);
        String[] admin = {"-u", adminUser, "-p", secrets.get("admin")};
        toolRuns.add(ok(cli.serverConfig(with(admin, "--add-mq-servers", TestBroker.get().host() + ":" + TestBroker.get().port(),
                "--add-ftp-servers", "127.0.0.1:" + sftp.port()))));
        toolRuns.add(ok(cli.stageConfig(with(admin, "--sftp-known-hosts", knownHosts.toString(), "-n", stage,
                "-c", ini.toString(), "-v", "s1",
                "-r", "pero/models/secret-test.tar.xz", "-f", model.toString()))));
        toolRuns.add(ok(cli.stageConfig(with(admin, "-n", out))));
        toolRuns.add(ok(cli.stageConfig(with(admin, "-n", logQueue))));

        // Logins each service refuses: ZooKeeper (wrong password), RabbitMQ and SFTP (ZooKeeper accepts, they do not).
        CliResult zkRefused = cli.stageConfig("-u", adminUser, "-p", secrets.get("refused"), "-i");
        toolRuns.add(zkRefused);
        assertEquals(ExitCodes.BAD_CONFIG, zkRefused.code(), zkRefused.toString());
        assertTrue(zkRefused.err().contains("authentication refused for user " + adminUser), zkRefused.toString());
        CliResult mqRefused = cli.publisher("-u", mqRefusedUser, "-p", secrets.get("refused"), "-r", images().toString(),
                "-t", stage, out);
        toolRuns.add(mqRefused);
        assertNotEquals(ExitCodes.OK, mqRefused.code(), mqRefused.toString());
        assertTrue(mqRefused.err().contains("authentication refused for user " + mqRefusedUser), mqRefused.toString());
        CliResult sftpRefused = cli.stageConfig("-u", sftpRefusedUser, "-p", secrets.get("refused"),
                "--sftp-known-hosts", knownHosts.toString(), "-n", stage,
                "--keep-version", "-r", "pero/models/other.tar.xz", "-f", model.toString());
        toolRuns.add(sftpRefused);
        assertNotEquals(ExitCodes.OK, sftpRefused.code(), sftpRefused.toString());
        assertTrue(sftpRefused.err().contains("authentication failed for user " + sftpRefusedUser), sftpRefused.toString());

        Path logDir = Files.createDirectories(tmp.resolve("logs"));
        String workerId = TestBroker.uniqueName("sec-worker");
        CompletableFuture<Integer> worker;
        try (InProcessLogDaemon logd = InProcessLogDaemon.start("-z", zooKeeper.connectString(), "-u", logdUser,
                "-p", secrets.get("logd"), "-q", logQueue, "-o", logDir.toString(), "-d")) {
            worker = CompletableFuture.supplyAsync(() -> WorkerMain.run("-z", zooKeeper.connectString(), "-i", workerId,
                    "-u", workerUser, "-p", secrets.get("worker"), "--sftp-known-hosts", knownHosts.toString(),
                    "--cache-directory", tmp.toString(), "-q", logQueue,
                    "-d", "--shutdown-timeout", "30"));
            Await.until(Duration.ofSeconds(30), () -> "IDLE".equals(read(ZkPaths.workerStatus(workerId))),
                    "worker " + workerId + " IDLE");
            zk.setData().forPath(ZkPaths.workerQueue(workerId), ZkCodecs.text(stage));
            toolRuns.add(ok(cli.publisher(with(admin, "-r", images().toString(), "-t", stage, out))));
            Await.until(FLOW_TIMEOUT, () -> TestBroker.get().messageCount(out) >= REQUESTS, REQUESTS + " results in " + out);
            zk.setData().forPath(ZkPaths.workerEnabled(workerId), ZkCodecs.text("false"));
            assertEquals(ExitCodes.OK, worker.get(60, TimeUnit.SECONDS), "worker exit code");
            Await.until(FLOW_TIMEOUT, () -> TestBroker.get().messageCount(logQueue) == 0, "log queue drained");
        }
        Path results = Files.createDirectories(tmp.resolve("results"));
        toolRuns.add(ok(cli.publisher(with(admin, "-d", out, "-r", results.toString(), "--save-message"))));
        restoreLogs();

        // Every place a password could end up.
        Map<String, String> places = new LinkedHashMap<>();
        places.put("log lines (all loggers at DEBUG, stdout and stderr)", captured.toString(StandardCharsets.UTF_8));
        for (int i = 0; i < toolRuns.size(); i++) {
            places.put("tool run " + i + " output", toolRuns.get(i).out() + toolRuns.get(i).err());
        }
        places.put("log daemon files", filesUnder(logDir));
        places.put("downloaded results (StageLogs, info files, message bodies)", filesUnder(results));
        places.put("znodes", znodes("/"));

        // The search would find them: the places hold what a user would look at.
        assertTrue(places.get("log lines (all loggers at DEBUG, stdout and stderr)").contains("user=" + workerUser),
                "the worker's RabbitMQ login was logged (with its user, not its password)");
        assertTrue(places.get("log daemon files").contains(workerId), "the worker's lines reached the log daemon's files");
        assertTrue(places.get("downloaded results (StageLogs, info files, message bodies)").contains("Host id       : " + workerId),
                "every result's StageLog was downloaded");
        assertTrue(places.get("znodes").contains(stage), "the stage's znodes were read");

        List<String> leaks = new ArrayList<>();
        places.forEach((place, text) -> secrets.forEach((role, secret) -> {
            if (text.contains(secret)) {
                int at = text.indexOf(secret);
                leaks.add("the " + role + " password in " + place + ": ..."
                        + text.substring(Math.max(0, at - 200), at).replace(secret, "<" + role + ">") + "<" + role + ">");
            }
        }));
        assertEquals(List.of(), leaks, "passwords leaked");
    }

    private static String[] with(String[] credentials, String... args) {
        return Stream.concat(Stream.of(credentials), Stream.of(args)).toArray(String[]::new);
    }

    private static CliResult ok(CliResult r) {
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        return r;
    }

    private Path images() throws Exception {
        Path dir = tmp.resolve("images");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            for (int i = 0; i < REQUESTS; i++) {
                Files.write(dir.resolve("page-" + i + ".png"), new byte[] {(byte) i, 1, 2, 3});
            }
        }
        return dir;
    }

    private String read(String path) {
        try {
            return zk.checkExists().forPath(path) == null ? null : ZkCodecs.text(zk.getData().forPath(path));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Path and data of every znode below {@code path}, as text (bytes decoded leniently). */
    private String znodes(String path) throws Exception {
        StringBuilder all = new StringBuilder();
        byte[] data = zk.getData().forPath(path);
        all.append(path).append(" = ").append(data == null ? "" : new String(data, StandardCharsets.ISO_8859_1)).append('\n');
        for (String child : zk.getChildren().forPath(path)) {
            all.append(znodes(path.equals("/") ? "/" + child : path + "/" + child));
        }
        return all.toString();
    }

    private static String filesUnder(Path dir) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append("== ").append(f).append('\n')
                        .append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }

    /** Every logging event at DEBUG and above, with stack traces, and everything printed to stdout and stderr. */
    private void captureLogs() {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %level [%thread] %logger %mdc %msg%n%ex{full}");
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(new Tee(captured, OutputStream.nullOutputStream()));
        appender.start();
        // Libraries quieted by the test configuration (ZooKeeper, Curator) log at DEBUG too while this test runs.
        for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                previousLevels.put(logger, logger.getLevel());
                logger.setLevel(logger.getName().equals(Logger.ROOT_LOGGER_NAME) ? Level.DEBUG : null);
            }
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        previousOut = System.out;
        previousErr = System.err;
        System.setOut(new PrintStream(new Tee(captured, previousOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(captured, previousErr), true, StandardCharsets.UTF_8));
    }

    private void restoreLogs() {
        if (appender == null) {
            return;
        }
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        previousLevels.forEach(ch.qos.logback.classic.Logger::setLevel);
        previousLevels.clear();
        appender.stop();
        appender = null;
        System.setOut(previousOut);
        System.setErr(previousErr);
    }

    /** Writes to the capture buffer and to where the output went before. */
    private static final class Tee extends OutputStream {
        private final ByteArrayOutputStream capture;
        private final OutputStream through;

        Tee(ByteArrayOutputStream capture, OutputStream through) {
            this.capture = capture;
            this.through = through;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            synchronized (capture) {
                capture.write(b);
            }
            through.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            synchronized (capture) {
                capture.write(b, off, len);
            }
            through.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            through.flush();
        }
    }
}
