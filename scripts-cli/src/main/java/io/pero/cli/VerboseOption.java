package io.pero.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: DEBUG logging and stack traces with errors. */
public final class VerboseOption {
    @Option(names = "--verbose", description = "Log at DEBUG and print stack traces with errors.")
    boolean verbose;

    public boolean enabled() {
        return verbose;
    }
}
