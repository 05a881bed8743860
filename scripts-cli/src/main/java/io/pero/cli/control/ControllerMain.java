package io.pero.cli.control;

import io.pero.cli.CommandExecution;
import java.io.PrintStream;

/** Entry point of {@code bin/pero-controller}. */
public final class ControllerMain {
    private ControllerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return CommandExecution.execute(new ControllerCommand(out, err), out, err, args);
    }
}
