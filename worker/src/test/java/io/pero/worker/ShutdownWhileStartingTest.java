package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ExitCodes;
import io.pero.testing.Await;
import io.pero.testing.ClosedPort;
import io.pero.worker.config.WorkerConfigLoader;
import io.pero.worker.config.WorkerOptions;
import io.pero.worker.ocr.OcrProcessorFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * systemd stops a worker whose ZooKeeper is down (or not yet up) with SIGTERM, which calls
 * {@link WorkerDaemon#requestShutdown}; the worker must not sit out its 20-second connect timeout first.
 */
class ShutdownWhileStartingTest {
    @TempDir
    Path cache;

    @Test
    void shutdownRequestedWhileWaitingForZooKeeperEndsTheWorkerAtOnceWithExitCodeZero() throws Exception {
        int closedPort = ClosedPort.any();
        WorkerOptions options = new WorkerOptions();
        new CommandLine(options).parseArgs("-z", "127.0.0.1:" + closedPort, "-i", "it-starting",
                "--cache-directory", cache.toString(), "--disable-remote-logging");
        WorkerDaemon daemon = new WorkerDaemon(WorkerConfigLoader.load(options), new OcrProcessorFactory(),
                Clock.systemUTC());
        Thread worker = new Thread(daemon::run, "it-worker-starting");
        worker.setDaemon(true);
        worker.start();
        // Blocked in the connect wait (the retry sleeps and the wait for the connection are timed waits).
        Await.until(Duration.ofSeconds(10), () -> worker.getState() == Thread.State.TIMED_WAITING,
                "the worker to wait for ZooKeeper");

        daemon.requestShutdown(ExitCodes.OK, "SIGTERM");

        // The connect timeout is 20 s; a shutdown that waited for it would miss this.
        assertTrue(daemon.awaitFinished(Duration.ofSeconds(8)), "worker still starting after shutdown was requested");
        assertEquals(ExitCodes.OK, daemon.result());
    }
}
