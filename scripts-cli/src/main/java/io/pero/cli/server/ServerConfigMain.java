package io.pero.cli.server;

import io.pero.cli.CommandExecution;
import java.io.PrintStream;

/** Entry point of {@code bin/pero-server-config}. */
public final class ServerConfigMain {
    private ServerConfigMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return CommandExecution.execute(new ServerConfigCommand(out), out, err, args);
    }
}
