package io.pero.logdaemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.common.config.Credentials;
import io.pero.common.config.ExitCodes;
import io.pero.common.net.ServerAddress;
import io.pero.testing.Await;
import io.pero.testing.ClosedPort;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (systemd) while ZooKeeper is unreachable stops the log daemon at once, without a start-up error. */
class StopWhileStartingTest {
    @TempDir
    Path dir;

    @Test
    void stopRequestedWhileWaitingForZooKeeperEndsTheStartAtOnceAndExitsWithZero() throws Exception {
        int closedPort = ClosedPort.any();
        LogDaemonConfig config = new LogDaemonConfig(List.of(ServerAddress.of("127.0.0.1", closedPort)),
                Credentials.none(), true, "log", dir, Duration.ofMinutes(1), 0);
        LogDaemon daemon = new LogDaemon(config, Clock.systemUTC());
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread main = new Thread(() -> {
            try {
                daemon.start();
                exit.complete(daemon.awaitExit());
            } catch (Exception e) {
                exit.completeExceptionally(e);
            } finally {
                daemon.close();
            }
        }, "it-logd-starting");
        main.setDaemon(true);
        main.start();
        Await.until(Duration.ofSeconds(10), () -> main.getState() == Thread.State.TIMED_WAITING,
                "the log daemon to wait for ZooKeeper");

        daemon.requestStop();

        // The connect timeout is 20 s; a stop that waited for it would miss this (and fail with "unreachable").
        assertEquals(ExitCodes.OK, exit.get(8, TimeUnit.SECONDS));
    }
}
