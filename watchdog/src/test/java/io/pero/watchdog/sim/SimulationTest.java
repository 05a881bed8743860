package io.pero.watchdog.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SimulationTest {
    private static final long SEED = 1;
    private static final Map<String, Benchmark.Row> ROWS = new ConcurrentHashMap<>();

    private static Benchmark.Row row(Scenario scenario) {
        return ROWS.computeIfAbsent(scenario.name(), n -> Benchmark.run(scenario, SEED));
    }

    static List<Scenario> standardScenarios() {
        return Scenarios.standard();
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        Scenario s = Scenarios.byName("staggered-jobs").orElseThrow();
        assertEquals(Benchmark.run(s, 7).improved(), Benchmark.run(s, 7).improved());
    }

    @Test
    void lowerBoundIsTheLongestTaskOrTheLaterWorkSharedByAllWorkers() {
        // Task 1: arrives at 0, 10 s. Task 2: arrives at 100, 5 + 5 s. Two workers.
        // Critical path max(0 + 10, 100 + 10) = 110; work: at 0 (10 + 10) / 2 = 10, at 100: 100 + 10 / 2 = 105 → 110.
        List<SimMessage> tasks = List.of(new SimMessage(0, new int[] {0}, new double[] {10}),
                new SimMessage(100, new int[] {0, 1}, new double[] {5, 5}));
        assertEquals(110, Workload.lowerBound(tasks, 2), 1e-9);
    }

    @Test
    void lowerBoundCountsTheSwitchThatBeatingTheInitialAssignmentNeeds() {
        // Three 20 s tasks on stage 0 at 0; worker 1 starts on stage 0, worker 2 on stage 1; switches cost 10 s / 30 s.
        // Switch-free bound max(20, 60 / 2) = 30. Without a switch worker 1 alone needs 60; with one, the switching
        // worker idles at least 10 s: (60 + 10) / 2 = 35. min(60, 35) = 35. (The best run takes 40: worker 1 runs two tasks, worker 2 switches for 10 s and runs one.)
        List<SimMessage> tasks = List.of(new SimMessage(0, new int[] {0}, new double[] {20}),
                new SimMessage(0, new int[] {0}, new double[] {20}), new SimMessage(0, new int[] {0}, new double[] {20}));
        assertEquals(30, Workload.lowerBound(tasks, 2), 1e-9);
        assertEquals(35, Workload.lowerBound(tasks, new int[] {0, 1}, new double[] {10, 30}), 1e-9);
        // Both workers start on stage 0: no switch is needed, so nothing is added to the switch-free bound.
        assertEquals(30, Workload.lowerBound(tasks, new int[] {0, 0}, new double[] {10, 30}), 1e-9);
        // A stage nobody starts on cannot be served without a switch: (60 + 10) / 2 even though the no-switch bound is infinite.
        assertEquals(35, Workload.lowerBound(tasks, new int[] {1, 1}, new double[] {10, 30}), 1e-9);
    }

    @Test
    void staticAssignmentIsProportionalToWorkWithOneWorkerPerBusyStage() {
        // Work 30 / 10 / 0 s, 4 workers: one each for stages 0 and 1, then the largest deficit (30/40 × 4 − n) twice → 3 + 1.
        assertArrayEquals(new int[] {0, 0, 0, 1}, StaticAssignment.of(new double[] {30, 10, 0}, 4));
    }

    @ParameterizedTest
    @MethodSource("standardScenarios")
    void defaultPolicyFinishesNoLaterThanTheOriginal(Scenario scenario) {
        Benchmark.Row row = row(scenario);
        assertTrue(row.improved().finished(), "default policy did not finish " + scenario.name());
        assertTrue(row.improved().makespan() <= row.original().makespan(),
                () -> scenario.name() + ": default " + row.improved() + " vs original " + row.original());
    }

    @ParameterizedTest
    @MethodSource("standardScenarios")
    void defaultPolicyStaysCloseToTheLowerBound(Scenario scenario) {
        Benchmark.Row row = row(scenario);
        // live-3x3 pays the live per-message overhead the lower bound leaves out (issue target there: 1.33).
        double limit = scenario.name().equals("live-3x3") ? 1.33 : 1.15;
        assertTrue(row.defaultRatio() <= limit, () -> scenario.name() + ": " + row.defaultRatio() + " of the lower bound");
    }

    @Test
    void reactingToEventsFinishesTheLiveScenarioSoonerThanTheCycleAlone() {
        Scenario live = Scenarios.byName("live-3x3").orElseThrow();
        io.pero.watchdog.plan.DefaultPolicy policy = new io.pero.watchdog.plan.DefaultPolicy(
                io.pero.watchdog.plan.DefaultPolicy.Settings.defaults());
        double withEvents = Simulation.run(live, SEED, Optional.of(policy), true, line -> { }).makespan();
        double cycleOnly = Simulation.run(live, SEED, Optional.of(policy), false, line -> { }).makespan();
        assertTrue(withEvents < 0.75 * cycleOnly, () -> "with events " + withEvents + " s, cycle only " + cycleOnly + " s");
    }

    @Test
    void aPolicyIsConsultedOnlyWhenGiven() {
        Scenario s = Scenarios.byName("pipeline-burst").orElseThrow();
        assertEquals(0, Simulation.run(s, SEED, Optional.empty()).switches(), "the static assignment never switches");
    }
}
