package io.pero.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.pero.common.config.ConfigKeys;
import io.pero.common.status.WorkerStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes N requests through two zero-time DUMMY stages served by in-JVM workers, half on each stage at the same time
 * (as the watchdog spreads a fleet over a pipeline), timed from the stage assignment until all N results are out.
 * Default: a closed-loop client keeps a bounded number of requests in flight and consumes the results, so queues stay
 * shallow as in steady state. {@code --preload}: all requests are uploaded before timing and results stay queued.
 */
final class PipelineBenchmark {
    private static final Logger log = LoggerFactory.getLogger(PipelineBenchmark.class);
    private static final Duration WORKER_START_TIMEOUT = Duration.ofSeconds(60);

    /** Outcome of one run. Sizes are serialized request bytes as uploaded and as they reach the output. */
    record Result(BenchStages stages, boolean preload, int window, int messages, int workersStage1, int workersStage2,
                  int prefetch, int inputBytes, int outputBytes, double seconds, double uploadSeconds, double cpuSeconds,
                  double brokerCpuSeconds) {
        double messagesPerSecond() {
            return messages / seconds;
        }

        /** Each request is consumed, processed, published with a confirm and acked once per stage. */
        double hopsPerSecond() {
            return 2.0 * messages / seconds;
        }

        /** Publish+consume pairs the broker carries per second: the hops, plus upload and download in a closed loop. */
        double transitsPerSecond() {
            return (preload ? 2.0 : 3.0) * messages / seconds;
        }

        /** CPU milliseconds this JVM spent per hop while timed (workers, embedded ZooKeeper, the client). */
        double cpuMillisPerHop() {
            return cpuSeconds * 1000 / (2.0 * messages);
        }

        /** CPU milliseconds a local broker spent per hop while timed; NaN when the broker is not on this machine. */
        double brokerCpuMillisPerHop() {
            return brokerCpuSeconds * 1000 / (2.0 * messages);
        }
    }

    private PipelineBenchmark() {
    }

    static Result run(BenchEnvironment env, PipelineParams params) throws Exception {
        BenchStages stages = BenchStages.unique();
        int prefetch = params.prefetch().orElse(defaultWorkerPrefetch());
        // Enough to fill every worker's prefetch twice over, so no worker waits for the client.
        int window = 4 * params.workers() * prefetch;
        Path work = Files.createTempDirectory("pero-bench-");
        try (Channel setup = env.amqp().createChannel()) {
            stages.create(env.zk(), setup);
            try (InJvmWorkers workers = new InJvmWorkers(env.zk(), writeWorkerIni(work, env, params), "bench-" + stages.runId())) {
                workers.start(params.workers());
                workers.awaitAll(EnumSet.of(WorkerStatus.IDLE), WORKER_START_TIMEOUT);
                BenchRequests requests = new BenchRequests(stages.pipeline(), params.size(), 42);
                int inputBytes = requests.next().length;
                Timing timing = params.preload() ? preloaded(env, params, stages, workers, requests)
                        : closedLoop(env, params, stages, workers, requests, window);
                int outputBytes = params.preload() ? peekSize(setup, stages.output()) : timing.outputBytes();
                return new Result(stages, params.preload(), window, params.messages(), params.workersOnStage1(),
                        params.workersOnStage2(), prefetch, inputBytes, outputBytes, timing.seconds(), timing.uploadSeconds(),
                        timing.cpuSeconds(), timing.brokerCpuSeconds());
            } finally {
                stages.delete(env.zk(), setup);
            }
        } finally {
            deleteTree(work);
        }
    }

    private record Timing(double seconds, double uploadSeconds, double cpuSeconds, double brokerCpuSeconds, int outputBytes) {
    }

    private static Timing preloaded(BenchEnvironment env, PipelineParams params, BenchStages stages, InJvmWorkers workers,
                                    BenchRequests requests) throws Exception {
        long u0 = System.nanoTime();
        ConfirmedPublisher.publish(env.amqp(), stages.stage1(), params.messages(), requests::next);
        double uploadSeconds = (System.nanoTime() - u0) / 1e9;
        try (QueueCounter counter = new QueueCounter(env.amqp())) {
            long cpu0 = ProcessCpu.nanos();
            OptionalLong broker0 = BrokerCpu.nanos();
            long t0 = System.nanoTime();
            workers.assign(assignment(workers.ids(), params, stages));
            long t1 = counter.awaitCount(stages.output(), params.messages(), params.stallTimeout(), workers::describe);
            return new Timing((t1 - t0) / 1e9, uploadSeconds, (ProcessCpu.nanos() - cpu0) / 1e9,
                    BrokerCpu.secondsSince(broker0), -1);
        }
    }

    private static Timing closedLoop(BenchEnvironment env, PipelineParams params, BenchStages stages, InJvmWorkers workers,
                                     BenchRequests requests, int window) throws Exception {
        try (Connection publish = env.connect("pero-bench:client:publish");
             Connection consume = env.connect("pero-bench:client:consume");
             ClosedLoopClient client = new ClosedLoopClient(publish, consume, params.messages(), window)) {
            client.consume(stages.output(), params.prefetch().orElse(defaultWorkerPrefetch()));
            long cpu0 = ProcessCpu.nanos();
            OptionalLong broker0 = BrokerCpu.nanos();
            long t0 = System.nanoTime();
            workers.assign(assignment(workers.ids(), params, stages));
            client.run(stages.stage1(), requests::next, params.stallTimeout(), workers::describe);
            long t1 = System.nanoTime();
            return new Timing((t1 - t0) / 1e9, Double.NaN, (ProcessCpu.nanos() - cpu0) / 1e9,
                    BrokerCpu.secondsSince(broker0), client.lastResultBytes());
        }
    }

    private static Map<String, String> assignment(List<String> ids, PipelineParams params, BenchStages stages) {
        Map<String, String> byWorker = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byWorker.put(ids.get(i), i < params.workersOnStage1() ? stages.stage1() : stages.stage2());
        }
        return byWorker;
    }

    private static Path writeWorkerIni(Path work, BenchEnvironment env, PipelineParams params) throws IOException {
        Path cache = Files.createDirectories(work.resolve("cache"));
        StringBuilder ini = new StringBuilder("[WORKER]\n")
                .append(ConfigKeys.ZOOKEEPER_SERVERS).append(" = ").append(env.zkConnectString()).append('\n')
                .append(ConfigKeys.CACHE_DIR).append(" = ").append(cache).append('\n')
                // The log queue is not part of what is measured, and may not exist on a bare broker.
                .append(ConfigKeys.DISABLE_REMOTE_LOGGING).append(" = true\n");
        params.prefetch().ifPresent(p -> ini.append(ConfigKeys.PREFETCH).append(" = ").append(p).append('\n'));
        return Files.writeString(work.resolve("worker.ini"), ini);
    }

    /** The size of one request as it reaches the output (with both stage logs); the message goes back to the queue. */
    private static int peekSize(Channel channel, String queue) throws IOException {
        GetResponse r = channel.basicGet(queue, false);
        if (r == null) {
            return -1;
        }
        channel.basicNack(r.getEnvelope().getDeliveryTag(), false, true);
        return r.getBody().length;
    }

    static int defaultWorkerPrefetch() {
        return ConfigKeys.ALL.stream()
                .filter(k -> k.section().equals(ConfigKeys.WORKER) && k.name().equals(ConfigKeys.PREFETCH))
                .findFirst().map(k -> Integer.parseInt(k.defaultValue())).orElse(1);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("cannot delete work directory dir={} cause={}", root, e.toString());
        }
    }
}
