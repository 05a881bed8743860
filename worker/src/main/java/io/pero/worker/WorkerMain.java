package io.pero.worker;

import io.pero.common.cli.Failures;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.worker.config.WorkerConfig;
import io.pero.worker.config.WorkerConfigLoader;
import io.pero.worker.config.WorkerOptions;
import io.pero.worker.processing.ProcessorFactory;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine;

/**
 * {@code pero-worker}: parses the command line, builds the configuration and runs one {@link WorkerDaemon}. {@link #run}
 * never exits the JVM and can run several workers (on several threads) in one JVM; only {@link #main} calls
 * {@code System.exit} and installs the SIGTERM hook.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** The OCR engine for stages that are neither DUMMY nor FAILTEST; replace this line when the engine is built in. */
    static ProcessorFactory ocrFactory() {
        return new io.pero.worker.ocr.OcrProcessorFactory();
    }

    public static void main(String[] args) {
        System.exit(run(true, ocrFactory(), args));
    }

    /** Runs a worker until it is shut down (e.g. {@code enabled=false}); returns the exit code. */
    public static int run(String... args) {
        return run(false, ocrFactory(), args);
    }

    /** As {@link #run(String...)}, with the OCR processor factory given (tests, benchmarks, other engines). */
    public static int run(ProcessorFactory ocr, String... args) {
        return run(false, ocr, args);
    }

    private static int run(boolean handleSigterm, ProcessorFactory ocr, String... args) {
        WorkerOptions options = new WorkerOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("error: invalid arguments: " + e.getMessage() + " (see pero-worker --help)");
            return ExitCodes.USAGE;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(new PrintWriter(System.out, true));
            return ExitCodes.OK;
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(new PrintWriter(System.out, true));
            return ExitCodes.OK;
        }
        WorkerConfig config;
        try {
            config = WorkerConfigLoader.load(options);
        } catch (ConfigException e) {
            System.err.println("error: invalid configuration: " + e.getMessage());
            return Failures.exitCode(e);
        }
        WorkerDaemon daemon = new WorkerDaemon(config, ocr, Clock.systemUTC());
        Thread hook = handleSigterm ? sigtermHook(daemon, config.limits().shutdownTimeout()) : null;
        int code = daemon.run();
        if (hook != null) {
            removeHook(hook);
        }
        return code;
    }

    /** SIGTERM (systemd, docker stop) runs the same orderly shutdown as {@code enabled=false}. */
    private static Thread sigtermHook(WorkerDaemon daemon, Duration shutdownTimeout) {
        // Differs from the original: SIGTERM was not handled (spec §12 item 10); it runs the orderly shutdown.
        Thread hook = new Thread(() -> {
            daemon.requestShutdown(ExitCodes.OK, "SIGTERM");
            try {
                if (daemon.awaitFinished(shutdownTimeout.plusSeconds(60))) {
                    // The JVM would otherwise report 143 (killed by SIGTERM); a requested shutdown exits with 0.
                    Runtime.getRuntime().halt(daemon.result());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pero-worker-sigterm");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (SIGTERM): the hook is running and finds the worker finished.
        }
    }
}
