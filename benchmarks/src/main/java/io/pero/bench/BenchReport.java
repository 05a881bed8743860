package io.pero.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats one pipeline/PerfTest pair as the lines {@code pero-bench pipeline} prints. Pure. */
final class BenchReport {
    private BenchReport() {
    }

    static List<String> lines(PipelineBenchmark.Result p, PerfTestParams tp, PerfTestBenchmark.Result t) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "pipeline: 2 stages x %d msgs, %d workers (%d on stage 1, %d on stage 2), prefetch %d, "
                        + "request %d B in / %d B out: %.0f msg/s end-to-end = %.0f hops/s (%.2f s)",
                p.messages(), p.workersStage1() + p.workersStage2(), p.workersStage1(), p.workersStage2(), p.prefetch(),
                p.inputBytes(), p.outputBytes(), p.messagesPerSecond(), p.hopsPerSecond(), p.seconds()));
        out.add("          (queues " + String.join(" -> ", p.stages().pipeline()) + ", deleted after the run)");
        out.add(String.format(Locale.ROOT, "          (upload before timing: %d msgs persistent with confirms in %.2f s = %.0f msg/s)",
                p.messages(), p.uploadSeconds(), p.messages() / p.uploadSeconds()));
        out.add(t == null ? "perftest: skipped" : String.format(Locale.ROOT,
                "perftest: %d queues, %d producers + %d consumers, %d B, persistent, confirms (<= %d unconfirmed), qos %d, "
                        + "ack each, %d msgs: %.0f msg/s received (%.0f sent)",
                tp.queues().size(), tp.producers(), tp.consumers(), tp.size(), tp.prefetch(), tp.prefetch(), t.messages(),
                t.receivedPerSecond(), t.sentPerSecond()));
        if (t != null) {
            out.add(String.format(Locale.ROOT, "cpu: jvm %.3f ms per pipeline hop (workers + embedded ZooKeeper) vs %.3f ms per "
                    + "PerfTest message (its clients); local broker %s vs %s", p.cpuMillisPerHop(), t.cpuMillisPerMessage(),
                    millis(p.brokerCpuMillisPerHop()), millis(t.brokerCpuMillisPerMessage())));
            out.add(String.format(Locale.ROOT, "ratio: %.2f (pipeline msg/s / perftest msg/s); per hop %.2f (pipeline hops/s / perftest msg/s)",
                    p.messagesPerSecond() / t.receivedPerSecond(), p.hopsPerSecond() / t.receivedPerSecond()));
        }
        return out;
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "n/a (not on this machine)" : String.format(Locale.ROOT, "%.3f ms", ms);
    }

    /** How to read the figures; printed once per run. */
    static List<String> legend() {
        return List.of(
                "note: a pipeline request crosses the broker twice (stage 1 -> stage 2 -> output); each hop is one consume,",
                "      the (zero-time) processing, one persistent publish with confirm and one ack. One PerfTest message is one",
                "      persistent publish with confirm plus one consume and ack: the same broker work as one hop. So PerfTest",
                "      msg/s is the ceiling for pipeline hops/s (per-hop ratio 1.0 = the worker adds nothing); end-to-end",
                "      msg/s is at most half of it.");
    }
}
