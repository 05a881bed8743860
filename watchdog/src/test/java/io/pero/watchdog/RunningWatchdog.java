package io.pero.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ExitCodes;
import java.io.PrintStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** A watchdog daemon on its own thread, with its own ZooKeeper session, stoppable as SIGTERM would stop it. */
final class RunningWatchdog implements AutoCloseable {
    private final WatchdogDaemon daemon;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    final String participant;

    private RunningWatchdog(String participant, String... args) {
        WatchdogOptions options = new WatchdogOptions();
        new CommandLine(options).parseArgs(args);
        this.participant = participant;
        this.daemon = new WatchdogDaemon(WatchdogConfigLoader.load(options), Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream()), participant);
        Thread t = new Thread(() -> exit.complete(daemon.run()), "it-watchdog-" + participant);
        t.setDaemon(true);
        t.start();
    }

    static RunningWatchdog start(String participant, String... args) {
        return new RunningWatchdog(participant, args);
    }

    boolean exited() {
        return exit.isDone();
    }

    @Override
    public void close() throws Exception {
        assertTrue(daemon.requestShutdown(Duration.ofSeconds(20)), "watchdog " + participant + " stops within 20 s");
        assertEquals(ExitCodes.OK, exit.get(5, TimeUnit.SECONDS), "exit code of a requested shutdown");
    }
}
