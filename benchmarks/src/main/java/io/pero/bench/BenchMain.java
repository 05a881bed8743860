package io.pero.bench;

import io.pero.common.cli.Failures;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pero-bench}: throughput benchmarks. Wiring and exit codes only; each benchmark is a subcommand. */
@Command(name = "pero-bench", mixinStandardHelpOptions = true, version = "pero-bench 0.1.0",
        subcommands = {PipelineCommand.class, LiveCommand.class, HopCommand.class, FaultsCommand.class},
        description = "Measures pero-worker throughput against RabbitMQ PerfTest on the same broker.")
public final class BenchMain implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(String... args) {
        // The worker jar on the class path carries its own logback.xml; the benchmark's report needs quiet workers.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-bench.xml");
        }
        System.exit(run(args));
    }

    /** Runs a benchmark; 0 = done, 1 = the benchmark failed, 2 = usage, 3 = bad setting, 4 = broker or ZooKeeper unreachable. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new BenchMain()).setOut(out).setErr(err);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("error: " + e.getMessage());
            e.printStackTrace(err);
            err.flush();
            return Failures.exitCode(e);
        });
        return cmd.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark, e.g. `pero-bench pipeline`");
    }
}
