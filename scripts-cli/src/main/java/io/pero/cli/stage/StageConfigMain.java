package io.pero.cli.stage;

import io.pero.cli.CommandExecution;
import java.io.PrintStream;
import java.time.Clock;

/** Entry point of {@code bin/pero-stage-config}. */
public final class StageConfigMain {
    private StageConfigMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return CommandExecution.execute(new StageConfigCommand(out, Clock.systemUTC()), out, err, args);
    }
}
