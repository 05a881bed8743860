package io.pero.cli;

import io.pero.common.cli.VerbosityOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A picocli command run by {@link CommandExecution}; the exit code comes from {@link #call()}. Holds the options every
 * tool shares ({@code --verbose}, {@code -h/--help}); picocli reads annotated fields of superclasses too.
 */
public abstract class CliCommand implements Callable<Integer> {
    @Mixin
    VerbosityOptions verbosity;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Whether {@code --verbose} was given: DEBUG logging and stack traces. */
    public final boolean verbose() {
        return verbosity != null && verbosity.verbose();
    }
}
