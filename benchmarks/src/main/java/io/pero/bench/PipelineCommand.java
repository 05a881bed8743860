package io.pero.bench;

import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pero-bench pipeline}: the two-stage pipeline's throughput next to PerfTest's on the same broker. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Pushes --messages requests through two zero-time DUMMY stages served by in-JVM workers, then runs "
                + "RabbitMQ PerfTest shaped like the pipeline, and prints both rates and their ratio.")
final class PipelineCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--messages", defaultValue = "20000", description = "requests through the pipeline (default ${DEFAULT-VALUE})")
    int messages;

    @Option(names = "--size", defaultValue = "1024", description = "bytes of the input file per request (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--workers", defaultValue = "2", description = "in-JVM workers, half per stage (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--prefetch", description = "worker prefetch, also PerfTest's confirm window and qos (default: the worker's)")
    Integer prefetch;

    @Option(names = "--zk", paramLabel = "HOST:PORT[,...]", description = "ZooKeeper to use (default: start an embedded one)")
    String zk;

    @Option(names = "--mq", defaultValue = "127.0.0.1:5672", paramLabel = "HOST:PORT",
            description = "RabbitMQ, guest/guest, vhost pero (default ${DEFAULT-VALUE})")
    String mq;

    @Option(names = "--repeat", defaultValue = "1", description = "run the pipeline/PerfTest pair this many times (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--warmup", defaultValue = "2000", paramLabel = "N",
            description = "messages of an untimed pipeline and PerfTest run first, so both are measured with compiled code "
                    + "(0 = none; default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--preload", description = "upload all requests before timing and leave the results queued "
            + "(default: a closed loop that keeps queues shallow and consumes the results)")
    boolean preload;

    @Option(names = "--skip-perftest", description = "measure the pipeline only")
    boolean skipPerfTest;

    @Option(names = "--stall-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "give up when the output queue does not grow for this long (default ${DEFAULT-VALUE})")
    long stallSeconds;

    @Override
    public Integer call() throws Exception {
        ServerAddress broker = ServerListParser.parseOne(mq);
        PipelineParams params = new PipelineParams(messages, size, workers, Optional.ofNullable(prefetch),
                Optional.ofNullable(zk), broker, Duration.ofSeconds(stallSeconds), preload);
        PrintWriter out = spec.commandLine().getOut();
        try (BenchEnvironment env = BenchEnvironment.open(params.zookeeper(), broker)) {
            if (warmup > 0) {
                warmUp(env, params, out);
            }
            for (int round = 1; round <= repeat; round++) {
                if (repeat > 1) {
                    out.println("--- round " + round + " of " + repeat);
                }
                PipelineBenchmark.Result p = PipelineBenchmark.run(env, params);
                int perfSize = (p.inputBytes() + Math.max(p.outputBytes(), p.inputBytes())) / 2;
                PerfTestParams tp = PerfTestParams.likePipeline(params, "bench-perf-" + BenchStages.unique().runId(),
                        perfSize, p.prefetch());
                PerfTestBenchmark.Result t = skipPerfTest ? null : PerfTestBenchmark.run(env.amqp(), tp);
                BenchReport.lines(p, tp, t).forEach(out::println);
                if (t != null) {
                    out.println("          " + t.commandLine());
                }
                out.flush();
            }
            BenchReport.legend().forEach(out::println);
        }
        return 0;
    }

    // The first round in a fresh JVM pays for JIT compilation of the worker and the AMQP client; PerfTest, run after it,
    // would not. A discarded round of each keeps the comparison fair.
    private void warmUp(BenchEnvironment env, PipelineParams params, PrintWriter out) throws Exception {
        PipelineParams small = new PipelineParams(warmup, params.size(), params.workers(), params.prefetch(),
                params.zookeeper(), params.mq(), params.stallTimeout(), params.preload());
        PipelineBenchmark.Result p = PipelineBenchmark.run(env, small);
        if (!skipPerfTest) {
            PerfTestBenchmark.run(env.amqp(), PerfTestParams.likePipeline(small,
                    "bench-perf-" + BenchStages.unique().runId(), p.inputBytes(), p.prefetch()));
        }
        out.println("warm-up: " + warmup + " messages through the pipeline" + (skipPerfTest ? "" : " and PerfTest")
                + " (not reported)");
        out.flush();
    }
}
