package io.pero.cli.mq;

import io.pero.cli.CommandExecution;
import java.io.PrintStream;

/** Entry point of {@code bin/pero-mq-config}. */
public final class MqConfigMain {
    private MqConfigMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return CommandExecution.execute(new MqConfigCommand(out), out, err, args);
    }
}
