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
        String mode = p.preload() ? "preloaded (uploaded before timing, results left queued)"
                : "closed loop (<= " + p.window() + " in flight, results consumed)";
        out.add(String.format(Locale.ROOT, "pipeline: 2 stages x %d msgs, %d workers (%d on stage 1, %d on stage 2), prefetch %d, "
                        + "request %d B in / %d B out, %s: %.0f msg/s end-to-end = %.0f hops/s = %.0f broker transits/s (%.2f s)",
                p.messages(), p.workersStage1() + p.workersStage2(), p.workersStage1(), p.workersStage2(), p.prefetch(),
                p.inputBytes(), p.outputBytes(), mode, p.messagesPerSecond(), p.hopsPerSecond(), p.transitsPerSecond(),
                p.seconds()));
        out.add("          (queues " + String.join(" -> ", p.stages().pipeline()) + ", deleted after the run)");
        if (p.preload()) {
            out.add(String.format(Locale.ROOT, "          (upload before timing: %d msgs persistent with confirms in %.2f s = %.0f msg/s)",
                    p.messages(), p.uploadSeconds(), p.messages() / p.uploadSeconds()));
        }
        out.add(t == null ? "perftest: skipped" : String.format(Locale.ROOT,
                "perftest: %d queues, %d producers + %d consumers, %d B, persistent, confirms (<= %d unconfirmed), qos %d, "
                        + "ack each, %d msgs: %.0f msg/s received (%.0f sent)",
                tp.queues().size(), tp.producers(), tp.consumers(), tp.size(), tp.prefetch(), tp.prefetch(), t.messages(),
                t.receivedPerSecond(), t.sentPerSecond()));
        if (t != null) {
            out.add(String.format(Locale.ROOT, "cpu: jvm %.3f ms per pipeline hop (workers + embedded ZooKeeper + client) vs %.3f ms "
                    + "per PerfTest message (its clients); local broker %s vs %s", p.cpuMillisPerHop(), t.cpuMillisPerMessage(),
                    millis(p.brokerCpuMillisPerHop()), millis(t.brokerCpuMillisPerMessage())));
            double perf = t.receivedPerSecond();
            out.add(String.format(Locale.ROOT, "ratio: %.2f (pipeline msg/s / perftest msg/s); per hop %.2f; per broker transit %.2f",
                    p.messagesPerSecond() / perf, p.hopsPerSecond() / perf, p.transitsPerSecond() / perf));
        }
        return out;
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "n/a (not on this machine)" : String.format(Locale.ROOT, "%.3f ms", ms);
    }

    /** How to read the figures; printed once per run. */
    static List<String> legend() {
        return List.of(
                "note: a request crosses the broker twice between workers (stage 1 -> stage 2 -> output); each such hop is one",
                "      delivery, the (zero-time) processing, one persistent publish with confirm and one ack after the confirm.",
                "      One PerfTest message is one persistent publish with confirm plus one delivery and ack: the broker work of",
                "      one hop. In the closed loop the client's upload and download add one more such transit per request.",
                "      'per broker transit' compares equal broker work (1.0 = the pipeline moves messages as fast as PerfTest);",
                "      'per hop' is what the workers achieve; end-to-end msg/s is at most 1/2 (preload) or 1/3 (closed loop) of",
                "      PerfTest's rate by construction.");
    }
}
