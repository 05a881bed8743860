package io.pero.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.pero.common.cli.Failures;
import io.pero.common.config.ExitCodes;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs one {@link CliCommand}: parses, executes, and turns every failure into an exit code and one stderr line
 * {@code error: <what>: <why>} (stack trace only with {@code --verbose}). Never calls {@link System#exit}.
 */
public final class CommandExecution {
    private CommandExecution() {
    }

    public static int execute(CliCommand command, PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(command);
        addVersionOption(cli.getCommandSpec());
        PrintWriter errWriter = new PrintWriter(err, true);
        String name = cli.getCommandName();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(errWriter);
        // Differs from the original: usage errors exit with 2 (argparse's code), also where the scripts returned 1.
        cli.setParameterExceptionHandler((ex, ignored) -> {
            errWriter.println("error: " + name + ": " + ex.getMessage() + " (see " + name + " --help)");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            errWriter.println("error: " + Failures.describe(name, ex));
            if (command.verbose()) {
                ex.printStackTrace(errWriter);
            }
            return Failures.exitCode(ex);
        });
        cli.setExecutionStrategy(parseResult -> runWithVerbosity(command, parseResult));
        return cli.execute(args);
    }

    /**
     * {@code -V/--version} prints the build's version in every tool. pero-stage-config keeps {@code -v/--version} for the
     * stage's config version, as in the original, and gets {@code -V} only.
     */
    private static void addVersionOption(CommandLine.Model.CommandSpec spec) {
        spec.versionProvider(() -> new String[] {io.pero.common.version.PeroVersion.text(spec.name())});
        String[] names = spec.findOption("--version") == null ? new String[] {"-V", "--version"} : new String[] {"-V"};
        spec.addOption(CommandLine.Model.OptionSpec.builder(names).versionHelp(true)
                .description("Print the build's version and exit.").build());
    }

    private static int runWithVerbosity(CliCommand command, CommandLine.ParseResult parseResult) {
        // Only Logback can change levels at run time; under another SLF4J binding --verbose keeps the stack traces.
        if (!command.verbose() || !(LoggerFactory.getLogger("io.pero") instanceof Logger pero)) {
            return new CommandLine.RunLast().execute(parseResult);
        }
        Level before = pero.getLevel();
        pero.setLevel(Level.DEBUG);
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } finally {
            pero.setLevel(before);
        }
    }
}
