package io.pero.cli.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.cli.support.Cli;
import io.pero.cli.support.CliResult;
import io.pero.cli.support.Queues;
import io.pero.common.config.ExitCodes;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServicesIT {
    @TempDir
    Path tmp;

    @Test
    void toolsWorkAgainstTheDevServicesUntilTheyAreStopped() throws Exception {
        TestBroker broker = TestBroker.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        Path sftpRoot = tmp.resolve("sftp");
        // Password "pero": the tools' default SFTP login when no -u is given, as in the original.
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> DevServicesMain.run(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), stop,
                "--zk-port", "0", "--sftp-port", "0", "--sftp-root", sftpRoot.toString(), "--sftp-password", "pero",
                "--mq-server", broker.host() + ":" + broker.port()));
        Await.until(Duration.ofSeconds(30), () -> out.toString(StandardCharsets.UTF_8).contains("registered"),
                "dev services banner; stderr so far: " + err);
        String banner = out.toString(StandardCharsets.UTF_8);
        Matcher zk = Pattern.compile("ZooKeeper\\s+(127\\.0\\.0\\.1:\\d+)").matcher(banner);
        Matcher sftp = Pattern.compile("SFTP\\s+(127\\.0\\.0\\.1:\\d+)").matcher(banner);
        assertTrue(zk.find() && sftp.find(), banner);
        String stage = TestBroker.uniqueName("it-dev");
        try {
            Cli cli = new Cli(zk.group(1));
            CliResult servers = cli.serverConfig("--list-mq-servers", "--list-ftp-servers", "--list-monitoring-servers");
            assertEquals(List.of("MQ server list:", broker.host() + ":" + broker.port(), "FTP server list:", sftp.group(1),
                    "Monitoring server list:", "127.0.0.1:15672"), servers.out().lines().toList(), servers.toString());

            Path model = Files.writeString(tmp.resolve("model.bin"), "weights");
            CliResult r = cli.stageConfig("-n", stage, "-c", Files.writeString(tmp.resolve("c.ini"), "[WORKER]\n").toString(),
                    "-r", "pero/" + stage + "/model.bin", "-f", model.toString());
            assertEquals(ExitCodes.OK, r.code(), r.toString());
            assertEquals("weights", Files.readString(sftpRoot.resolve("pero/" + stage + "/model.bin")));
            Queues.assertStageQueue(stage);
        } finally {
            stop.countDown();
            TestBroker.get().deleteQueues(stage);
        }
        assertEquals(ExitCodes.OK, running.get(20, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
    }
}
