package io.pero.watchdog;

import io.pero.common.config.ExitCodes;
import io.pero.watchdog.plan.DefaultPolicy;
import io.pero.watchdog.sim.Benchmark;
import io.pero.watchdog.sim.Scenario;
import io.pero.watchdog.sim.Scenarios;
import io.pero.watchdog.sim.Simulation;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pero-watchdog simulate}: the policy benchmark on the standard scenarios; no cluster needed. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Compare the static assignment, the original and the default policy in a seeded simulation.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "1", description = "Random seed of the workload (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scenario", defaultValue = "all", paramLabel = "NAME|all",
            description = "One of: pipeline-burst, rolling-bursts, staggered-jobs, heavy-switch, steady-with-spike, live-3x3, or all.")
    String scenario;

    @Option(names = "--trace", description = "Also print the default policy's moves, cycle by cycle.")
    boolean trace;

    private final PrintStream out;
    private final PrintStream err;

    SimulateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        List<Scenario> chosen;
        if (scenario.equals("all")) {
            chosen = Scenarios.standard();
        } else {
            Optional<Scenario> one = Scenarios.byName(scenario);
            if (one.isEmpty()) {
                err.println("error: simulate: unknown scenario '" + scenario + "'; known: "
                        + Scenarios.standard().stream().map(Scenario::name).toList() + " or all");
                return ExitCodes.USAGE;
            }
            chosen = List.of(one.get());
        }
        if (trace) {
            for (Scenario s : chosen) {
                out.println("# " + s.name() + " (default policy)");
                Simulation.run(s, seed, Optional.of(new DefaultPolicy(DefaultPolicy.Settings.defaults())), true, out::println);
            }
        }
        out.print(Benchmark.table(chosen.stream().map(s -> Benchmark.run(s, seed)).toList(), seed));
        return ExitCodes.OK;
    }
}
