package io.pero.watchdog.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The standard scenarios of {@code pero-watchdog simulate}. Stage costs are in the range of real pero-ocr stages (layout
 * analysis a few seconds a page, OCR several, a language model about one; switching = model download and load).
 */
public final class Scenarios {
    private static final List<String> HANDWRITTEN = List.of("layout", "ocr_hw", "lm");
    private static final List<String> PRINTED = List.of("layout", "ocr_print");

    private Scenarios() {
    }

    public static List<Scenario> standard() {
        return List.of(pipelineBurst(), rollingBursts(), staggeredJobs(), heavySwitch(), steadyWithSpike(), liveThreeStages());
    }

    public static Optional<Scenario> byName(String name) {
        return standard().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** One large batch through a three-stage pipeline: the backlog moves from stage to stage. */
    static Scenario pipelineBurst() {
        return new Scenario("pipeline-burst",
                "8 workers; 2000 pages at t=0 through layout (2 s) -> ocr_hw (6 s) -> lm (1 s)", 8,
                List.of(new SimStage("layout", 2, 20), new SimStage("ocr_hw", 6, 40), new SimStage("lm", 1, 15)),
                List.of(new Burst(0, 2000, HANDWRITTEN)));
    }

    /** Batches of two pipelines that share a stage, arriving every 10 minutes. */
    static Scenario rollingBursts() {
        List<Burst> bursts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bursts.add(new Burst(i * 600.0, 500, i % 2 == 0 ? HANDWRITTEN : PRINTED));
        }
        return new Scenario("rolling-bursts",
                "8 workers; every 600 s 500 pages, alternating handwritten (layout -> ocr_hw -> lm) and printed (layout -> ocr_print)",
                8, List.of(new SimStage("layout", 2, 20), new SimStage("ocr_hw", 8, 40), new SimStage("ocr_print", 4, 30),
                        new SimStage("lm", 1, 15)),
                bursts);
    }

    /** Independent single-stage jobs of different sizes arriving one after another. */
    static Scenario staggeredJobs() {
        return new Scenario("staggered-jobs",
                "6 workers; single-stage jobs: a 3000 x 1 s at 0, b 300 x 5 s at 300 s, c 150 x 10 s at 600 s, d 75 x 20 s at 900 s",
                6, List.of(new SimStage("a", 1, 10), new SimStage("b", 5, 30), new SimStage("c", 10, 45), new SimStage("d", 20, 60)),
                List.of(new Burst(0, 3000, List.of("a")), new Burst(300, 300, List.of("b")),
                        new Burst(600, 150, List.of("c")), new Burst(900, 75, List.of("d"))));
    }

    /** Expensive switches (minutes of model loading) against a two-stage pipeline and a second job. */
    static Scenario heavySwitch() {
        return new Scenario("heavy-switch",
                "6 workers; switches take 120-180 s; 1500 pages layout (1 s) -> ocr_print (4 s) at 0, 200 x 10 s on ocr_hw at 1000 s",
                6, List.of(new SimStage("layout", 1, 120), new SimStage("ocr_print", 4, 180), new SimStage("ocr_hw", 10, 150)),
                List.of(new Burst(0, 1500, PRINTED), new Burst(1000, 200, List.of("ocr_hw"))));
    }

    /** A steady trickle on one pipeline with a large spike on another stage in the middle. */
    static Scenario steadyWithSpike() {
        List<Burst> bursts = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            bursts.add(new Burst(i * 30.0, 20, PRINTED));
        }
        bursts.add(new Burst(1200, 1500, List.of("lm")));
        return new Scenario("steady-with-spike",
                "10 workers; 20 printed pages every 30 s for an hour, 1500 x 1 s lm messages at 1200 s",
                10, List.of(new SimStage("layout", 2, 20), new SimStage("ocr_print", 4, 30), new SimStage("lm", 1, 15)),
                bursts);
    }

    /**
     * Seconds a JVM worker takes to switch to a DUMMY stage (stop consuming, build the processor, consume): the
     * {@code switch_seconds} workers reported in {@code pero-bench live} were 0.02-0.1 s.
     */
    static final double DUMMY_SWITCH_SECONDS = 0.1;
    /**
     * Worker time per message beyond the 50 ms a DUMMY stage asks for (sleep overshoot on a loaded machine, receive, parse,
     * publish, confirm, ack): {@code pero-bench live --workers 1 --stages 1} took 16.97 s for 300 messages, 56.6 ms each.
     */
    static final double LIVE_OVERHEAD_SECONDS = 0.0066;

    /**
     * The live benchmark ({@code pero-bench live}): three workers all on s1, 300 requests at once through three 50 ms stages.
     * The batch reaches s2 and s3 only as s1 processes it, so the question is how soon workers follow.
     */
    static Scenario liveThreeStages() {
        return live(3, 300, 3, 0.05);
    }

    /** {@code workers} workers all on s1; {@code requests} at 0 through {@code stages} DUMMY stages of {@code seconds} each. */
    public static Scenario live(int workers, int requests, int stages, double seconds) {
        List<SimStage> list = new ArrayList<>();
        for (int i = 1; i <= stages; i++) {
            list.add(new SimStage("s" + i, seconds, DUMMY_SWITCH_SECONDS));
        }
        String name = workers == 3 && requests == 300 && stages == 3 && seconds == 0.05 ? "live-3x3" : "live";
        return new Scenario(name, String.format(java.util.Locale.ROOT,
                "%d workers start on s1; %d requests at 0 through %d stages (%.0f ms each); pero-bench live", workers, requests,
                stages, seconds * 1000), workers, list,
                List.of(new Burst(0, requests, list.stream().map(SimStage::name).toList())),
                SimTiming.standard().withPerMessageOverhead(LIVE_OVERHEAD_SECONDS), Optional.of("s1"));
    }
}
