package io.pero.cli;

import java.util.concurrent.Callable;

/** A picocli command run by {@link CommandExecution}; the exit code comes from {@link #call()}. */
public interface CliCommand extends Callable<Integer> {
    /** Whether {@code --verbose} was given: DEBUG logging and stack traces. */
    boolean verbose();
}
