package io.pero.watchdog;

import io.pero.common.cli.Failures;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.common.logging.LogbackSetup;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;

/**
 * {@code pero-watchdog}: parses the command line and runs one watchdog, or the {@code simulate} benchmark. {@link #run}
 * never exits the JVM (several watchdogs may run in one JVM, as the tests do); only {@link #main} calls {@code System.exit}
 * and turns SIGTERM into an orderly shutdown.
 */
public final class WatchdogMain {
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private WatchdogMain() {
    }

    public static void main(String[] args) {
        System.exit(run(true, System.out, System.err, args));
    }

    /** Runs until shut down (or one cycle with {@code --dry-run}); returns the exit code. */
    public static int run(String... args) {
        return run(false, System.out, System.err, args);
    }

    static int run(boolean handleSigterm, PrintStream out, PrintStream err, String... args) {
        WatchdogOptions options = new WatchdogOptions();
        CommandLine cli = new CommandLine(options).addSubcommand("simulate", new SimulateCommand(out, err));
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("error: " + e.getMessage() + " (see pero-watchdog --help)");
            return ExitCodes.USAGE;
        }
        Integer helped = CommandLine.executeHelpRequest(parsed);
        if (helped != null) {
            return helped;
        }
        if (parsed.subcommand() != null) {
            return new CommandLine.RunLast().execute(parsed);
        }
        WatchdogConfig config;
        try {
            config = WatchdogConfigLoader.load(options);
        } catch (ConfigException e) {
            err.println("error: invalid configuration: " + e.getMessage());
            return Failures.exitCode(e);
        }
        LogbackSetup.apply(config.logging());
        WatchdogDaemon daemon = new WatchdogDaemon(config, Clock.systemUTC(), out, participantId());
        Thread hook = handleSigterm && !config.dryRun() ? sigtermHook(daemon) : null;
        int code = daemon.run();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down (SIGTERM): the hook is running and will return.
            }
        }
        return code;
    }

    /** A watchdog on its own thread of this JVM (benchmarks); {@link #close()} stops it as SIGTERM would. */
    public static final class Running implements AutoCloseable {
        private final WatchdogDaemon daemon;
        private final Thread thread;

        private Running(WatchdogDaemon daemon) {
            this.daemon = daemon;
            this.thread = new Thread(daemon::run, "pero-watchdog-in-jvm");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            daemon.requestShutdown(SHUTDOWN_WAIT);
        }
    }

    /**
     * Starts a watchdog daemon with these options on a thread of this JVM.
     *
     * @throws ConfigException on invalid options
     */
    public static Running start(String... args) {
        WatchdogOptions options = new WatchdogOptions();
        new CommandLine(options).parseArgs(args);
        return new Running(new WatchdogDaemon(WatchdogConfigLoader.load(options), Clock.systemUTC(), System.out, participantId()));
    }

    private static Thread sigtermHook(WatchdogDaemon daemon) {
        Thread hook = new Thread(() -> {
            try {
                if (daemon.requestShutdown(SHUTDOWN_WAIT)) {
                    // The JVM would otherwise report 143 (killed by SIGTERM); a requested shutdown exits with the daemon's code.
                    Runtime.getRuntime().halt(daemon.result());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pero-watchdog-shutdown-1");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Host, process and a random suffix: unique even for several watchdogs in one JVM, readable in the latch node. */
    static String participantId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
        return host + ":" + pid + ":" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
