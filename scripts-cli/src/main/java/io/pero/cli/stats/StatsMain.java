package io.pero.cli.stats;

import io.pero.cli.CommandExecution;
import java.io.PrintStream;

/** Entry point of {@code bin/pero-stats}. */
public final class StatsMain {
    private StatsMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return CommandExecution.execute(new StatsCommand(out), out, err, args);
    }
}
