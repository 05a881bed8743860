package io.pero.watchdog;

import io.pero.common.config.ConfigException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/**
 * A watchdog on a thread of this JVM, for the local all-in-one mode ({@code bin/pero-local}): the same options and
 * daemon as {@code pero-watchdog}, stopped by {@link #close()} instead of SIGTERM.
 */
public final class InProcessWatchdog implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final WatchdogDaemon daemon;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private InProcessWatchdog(WatchdogDaemon daemon) {
        this.daemon = daemon;
    }

    /**
     * Starts a watchdog with {@code pero-watchdog}'s options (no {@code simulate}, no {@code --dry-run}).
     *
     * @throws ConfigException when the options or configuration are invalid
     */
    public static InProcessWatchdog start(String... args) {
        WatchdogOptions options = new WatchdogOptions();
        try {
            new CommandLine(options).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException("watchdog options: " + e.getMessage(), e);
        }
        WatchdogConfig config = WatchdogConfigLoader.load(options);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        InProcessWatchdog watchdog = new InProcessWatchdog(new WatchdogDaemon(config, Clock.systemUTC(), quiet,
                WatchdogMain.participantId()));
        Thread t = new Thread(() -> {
            try {
                watchdog.exit.complete(watchdog.daemon.run());
            } catch (Throwable e) {
                watchdog.exit.completeExceptionally(e);
            }
        }, "pero-watchdog");
        t.setDaemon(true);
        t.start();
        return watchdog;
    }

    /** Completes with the daemon's exit code when it ends (after {@link #close()}, or on its own after a failure). */
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    /** Asks the watchdog to stop and waits for it (at most 30 s). */
    @Override
    public void close() throws InterruptedException {
        if (!exit.isDone()) {
            daemon.requestShutdown(STOP_WAIT);
        }
    }
}
