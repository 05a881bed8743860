package io.pero.ocr.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code bin/pero-ocr}: wires the real engine into the command; only here is System.exit called. */
public final class OcrMain {
    private OcrMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, PageOcrFactory.ENGINE, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command in-process and returns its exit code (tests call this with a fake factory). */
    static int run(String[] args, PageOcrFactory factory, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new OcrCommand(factory));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return CliExitCodes.INTERRUPTED;
            }
            commandLine.getErr().println("error: " + e);
            e.printStackTrace(commandLine.getErr());
            return CliExitCodes.FAILED;
        });
        return cli.execute(args);
    }
}
