package io.pero.watchdog.sim;

import io.pero.watchdog.plan.DefaultPolicy;
import io.pero.watchdog.plan.OriginalPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Runs scenarios under the static assignment, the original policy and the default policy, and tabulates makespans. */
public final class Benchmark {
    /** One scenario's makespans in seconds. */
    public record Row(Scenario scenario, double lowerBound, Simulation.Result fixed, Simulation.Result original,
                      Simulation.Result improved) {
        public double originalRatio() {
            return original.makespan() / lowerBound;
        }

        public double defaultRatio() {
            return improved.makespan() / lowerBound;
        }
    }

    private Benchmark() {
    }

    public static Row run(Scenario scenario, long seed) {
        return new Row(scenario, Simulation.lowerBound(scenario, seed),
                Simulation.run(scenario, seed, Optional.empty()),
                Simulation.run(scenario, seed, Optional.of(new OriginalPolicy())),
                Simulation.run(scenario, seed, Optional.of(new DefaultPolicy(DefaultPolicy.Settings.defaults())), true, line -> { }));
    }

    public static String table(List<Row> rows, long seed) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "seed %d, policies consulted every %.0f s, default also %.1f s after events; "
                + "makespans in seconds (switches)%n", seed, Simulation.TICK_SECONDS, SimTiming.standard().eventLatencySeconds()));
        String format = "%-18s %8s %15s %15s %15s %9s %9s%n";
        out.append(String.format(Locale.ROOT, format, "scenario", "lower", "static", "original", "default", "orig/LB", "dflt/LB"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, format, r.scenario().name(), String.format(Locale.ROOT, r.lowerBound() < 100 ? "%.1f" : "%.0f", r.lowerBound()),
                    cell(r.fixed()), cell(r.original()), cell(r.improved()),
                    String.format(Locale.ROOT, "%.3f", r.originalRatio()), String.format(Locale.ROOT, "%.3f", r.defaultRatio())));
        }
        out.append(System.lineSeparator());
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-18s %s%n", r.scenario().name(), r.scenario().description()));
        }
        return out.toString();
    }

    private static String cell(Simulation.Result r) {
        String value = String.format(Locale.ROOT, r.makespan() < 100 ? "%.1f (%d)" : "%.0f (%d)", r.makespan(), r.switches());
        return r.finished() ? value : "DNF>" + value;
    }
}
