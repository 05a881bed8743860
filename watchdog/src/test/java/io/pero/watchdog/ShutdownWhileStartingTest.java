package io.pero.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ExitCodes;
import io.pero.testing.Await;
import io.pero.testing.ClosedPort;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** SIGTERM (systemd) while ZooKeeper is unreachable stops the watchdog at once instead of after the connect timeout. */
class ShutdownWhileStartingTest {
    @Test
    void shutdownRequestedWhileWaitingForZooKeeperEndsTheWatchdogAtOnceWithExitCodeZero() throws Exception {
        int closedPort = ClosedPort.any();
        WatchdogOptions options = new WatchdogOptions();
        new CommandLine(options).parseArgs("-z", "127.0.0.1:" + closedPort);
        WatchdogDaemon daemon = new WatchdogDaemon(WatchdogConfigLoader.load(options), Clock.systemUTC(), System.out,
                "it-starting");
        Thread watchdog = new Thread(daemon::run, "it-watchdog-starting");
        watchdog.setDaemon(true);
        watchdog.start();
        Await.until(Duration.ofSeconds(10), () -> watchdog.getState() == Thread.State.TIMED_WAITING,
                "the watchdog to wait for ZooKeeper");

        // The connect timeout is 20 s; a shutdown that waited for it would miss this.
        assertTrue(daemon.requestShutdown(Duration.ofSeconds(8)), "watchdog still starting after shutdown was requested");
        assertEquals(ExitCodes.OK, daemon.result());
    }
}
