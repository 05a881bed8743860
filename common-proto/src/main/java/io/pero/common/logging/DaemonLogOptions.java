package io.pero.common.logging;

import io.pero.common.cli.VerbosityOptions;
import picocli.CommandLine.Option;

/**
 * A daemon's logging options ({@code @Mixin}): {@code --verbose} as in every tool, the original's {@code -d/--debug} for
 * the same, and {@code --log-format}. The format is null when not given, so the ini file's {@code log_format} can fill it
 * in ({@link LogSettings#resolve}).
 */
public final class DaemonLogOptions extends VerbosityOptions {
    // The original's daemons document -d/--debug (spec §6.1, §7.1, §8); kept so their unit files and scripts still work.
    @Option(names = {"-d", "--debug"}, hidden = true, description = "Same as --verbose.")
    boolean debug;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "${env:PERO_LOG_FORMAT}",
            description = "Format of the log lines on stderr: text (default) or json, one JSON object a line "
                    + "(env PERO_LOG_FORMAT).")
    String format;

    public DaemonLogOptions() {
    }

    /** For daemons started from code (tests, benchmarks). */
    public DaemonLogOptions(boolean verbose, String format) {
        this.debug = verbose;
        this.format = format;
    }

    @Override
    public boolean verbose() {
        return super.verbose() || debug;
    }
}
