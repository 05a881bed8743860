package io.pero.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    @Test
    void closedLoopCountsUploadAndDownloadAsAThirdTransit() {
        PipelineBenchmark.Result p = new PipelineBenchmark.Result(new BenchStages("s1", "s2", "out"), false, 64, 1000, 1, 1, 8,
                1100, 1400, 1.0, Double.NaN, 1.0, Double.NaN);
        String first = BenchReport.lines(p, null, null).get(0);
        assertTrue(first.endsWith("closed loop (<= 64 in flight, results consumed): 1000 msg/s end-to-end = 2000 hops/s "
                + "= 3000 broker transits/s (1.00 s)"), first);
    }

    @Test
    void printsBothRatesAndBothRatios() {
        PipelineBenchmark.Result p = new PipelineBenchmark.Result(new BenchStages("s1", "s2", "out"), true, 64, 20000, 1, 1, 8, 1100, 1400, 8.0, 2.0, 4.0, 6.0);
        PerfTestParams tp = new PerfTestParams(io.pero.common.net.ServerAddress.of("mq"), List.of("a-1", "a-2"), 2, 2, 1250, 8, 40000);
        PerfTestBenchmark.Result t = new PerfTestBenchmark.Result(5000, 5001, 40000, 2.0, Double.NaN, "perf-test ...");
        List<String> lines = BenchReport.lines(p, tp, t);
        assertTrue(lines.get(0).startsWith("pipeline: 2 stages x 20000 msgs, 2 workers (1 on stage 1, 1 on stage 2), prefetch 8"), lines.get(0));
        assertTrue(lines.get(0).endsWith("preloaded (uploaded before timing, results left queued): 2500 msg/s end-to-end "
                + "= 5000 hops/s = 5000 broker transits/s (8.00 s)"), lines.get(0));
        assertTrue(lines.get(3).startsWith("perftest: 2 queues, 2 producers + 2 consumers, 1250 B, persistent"), lines.get(3));
        assertTrue(lines.get(3).endsWith("40000 msgs: 5000 msg/s received (5001 sent)"), lines.get(3));
        assertEquals("cpu: jvm 0.100 ms per pipeline hop (workers + embedded ZooKeeper + client) vs 0.050 ms per PerfTest message "
                + "(its clients); local broker 0.150 ms vs n/a (not on this machine)", lines.get(4));
        assertEquals("ratio: 0.50 (pipeline msg/s / perftest msg/s); per hop 1.00; per broker transit 1.00", lines.get(5));
    }
}
