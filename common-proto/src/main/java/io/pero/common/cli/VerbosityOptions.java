package io.pero.common.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose}, the one verbosity flag of every command and daemon ({@code @Mixin}): DEBUG for our loggers and stack
 * traces with errors. Long form only: the original's tools give {@code -d} and {@code -v} other meanings
 * ({@code publisher -d/--download}, {@code stage_config_manager -v/--version}).
 */
public class VerbosityOptions {
    @Option(names = "--verbose", description = "Log at DEBUG and print stack traces with errors.")
    boolean verbose;

    public VerbosityOptions() {
    }

    public boolean verbose() {
        return verbose;
    }
}
