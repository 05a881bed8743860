package io.pero.logdaemon;

import io.pero.common.cli.Failures;
import io.pero.common.logging.LogbackSetup;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pero-logd}: drains the log queue into rotated files (spec §8). Wiring and exit codes only. */
@Command(name = "pero-logd", mixinStandardHelpOptions = true, versionProvider = io.pero.common.version.PeroVersion.class,
        description = "Drains the RabbitMQ log queue into rotated files pero_<UTC time>.log.")
public final class LogDaemonMain implements Callable<Integer> {
    private static final long SHUTDOWN_HOOK_WAIT_SECONDS = 30;

    @Mixin
    private LogDaemonOptions options = new LogDaemonOptions();
    private PrintWriter err;

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs the daemon until SIGTERM (0), a fatal failure (1), bad usage (2), bad config (3) or no service (4). */
    public static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    static int run(PrintWriter err, String... args) {
        LogDaemonMain main = new LogDaemonMain();
        main.err = err;
        CommandLine cmd = new CommandLine(main).setErr(err);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> main.report(e));
        return cmd.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        LogDaemonConfig config = LogDaemonConfigLoader.load(options);
        LogbackSetup.apply(config.logging());
        LogDaemon daemon = new LogDaemon(config, Clock.systemUTC());
        CountDownLatch closed = new CountDownLatch(1);
        // Any other JVM shutdown (SIGHUP, System.exit elsewhere): ask run() to stop, hold the JVM until it has flushed,
        // acked and closed. SIGTERM and Ctrl-C are caught before that by StopSignals, so run() returns 0.
        Thread hook = new Thread(() -> {
            daemon.requestStop();
            awaitQuietly(closed);
        }, "pero-logd-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (StopSignals signals = StopSignals.install(daemon::requestStop)) {
            daemon.start();
            return daemon.awaitExit();
        } finally {
            daemon.close();
            closed.countDown();
            removeHook(hook);
        }
    }

    private int report(Exception e) {
        err.println("error: " + Failures.describe("pero-logd", e));
        if (options.logging.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return Failures.exitCode(e);
    }

    private static void awaitQuietly(CountDownLatch closed) {
        try {
            closed.await(SHUTDOWN_HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and will see run() finish.
        }
    }
}
