package io.pero.cli.load;

import io.pero.cli.CommandExecution;
import java.io.PrintStream;

/** Entry point of {@code bin/pero-load}. */
public final class LoadMain {
    private LoadMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return CommandExecution.execute(new LoadCommand(out), out, err, args);
    }
}
