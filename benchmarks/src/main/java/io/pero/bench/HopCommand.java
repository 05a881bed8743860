package io.pero.bench;

import com.rabbitmq.client.Channel;
import io.pero.common.config.ConfigKeys;
import io.pero.common.mq.QueueTopology;
import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.curator.framework.CuratorFramework;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pero-bench hop}: one in-JVM worker drains N preloaded requests from a zero-time DUMMY stage into the output queue
 * (one hop each: delivery, processing, confirmed persistent publish, ack), then PerfTest moves N messages of the same
 * size with one producer and one consumer, the same persistence, confirm window and qos, in the same run.
 */
@Command(name = "hop", mixinStandardHelpOptions = true,
        description = "One worker on a zero-time DUMMY stage, one hop per request, next to PerfTest with the same shape; "
                + "optionally records a JFR profile of the worker's run and prints its hottest methods.")
final class HopCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--messages", defaultValue = "20000", description = "requests (default ${DEFAULT-VALUE}, at most 200000)")
    int messages;

    @Option(names = "--size", defaultValue = "1024", description = "bytes of the input file per request (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--prefetch", description = "worker prefetch, also PerfTest's confirm window and qos (default: the worker's)")
    Integer prefetch;

    @Option(names = "--mq", defaultValue = "127.0.0.1:5672", paramLabel = "HOST:PORT",
            description = "RabbitMQ, guest/guest, vhost pero (default ${DEFAULT-VALUE})")
    String mq;

    @Option(names = "--warmup", defaultValue = "2000", description = "untimed requests through the worker and PerfTest first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--jfr", paramLabel = "FILE", description = "record the worker's timed run with Java Flight Recorder into FILE")
    Path jfr;

    @Option(names = "--skip-perftest", description = "measure the worker only")
    boolean skipPerfTest;

    @Override
    public Integer call() throws Exception {
        if (messages < 1 || messages > 200_000 || size < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--messages 1..200000, --size >= 0");
        }
        ServerAddress broker = ServerListParser.parseOne(mq);
        PrintWriter out = spec.commandLine().getOut();
        int p = prefetch != null ? prefetch : PipelineBenchmark.defaultWorkerPrefetch();
        try (BenchEnvironment env = BenchEnvironment.open(Optional.empty(), broker)) {
            String id = BenchStages.unique().runId();
            String stage = "hop-s1-" + id;
            String output = "hop-out-" + id;
            Path work = Files.createTempDirectory("pero-bench-hop-");
            try (Channel setup = env.amqp().createChannel()) {
                createStage(env.zk(), setup, stage, output);
                String ini = "[WORKER]\n" + ConfigKeys.ZOOKEEPER_SERVERS + " = " + env.zkConnectString() + "\n"
                        + ConfigKeys.CACHE_DIR + " = " + Files.createDirectories(work.resolve("cache")) + "\n"
                        + ConfigKeys.DISABLE_REMOTE_LOGGING + " = true\n" + ConfigKeys.PREFETCH + " = " + p + "\n";
                try (InJvmWorkers workers = new InJvmWorkers(env.zk(), Files.writeString(work.resolve("worker.ini"), ini), "hop-" + id)) {
                    workers.start(1);
                    workers.awaitAll(EnumSet.of(WorkerStatus.IDLE), Duration.ofSeconds(60));
                    BenchRequests requests = new BenchRequests(List.of(stage, output), size, 42);
                    int inputBytes = requests.next().length;
                    if (warmup > 0) {
                        drain(env, stage, output, warmup, requests, workers, null);
                        if (!skipPerfTest) {
                            PerfTestBenchmark.run(env.amqp(), perfTest(broker, id + "-w", inputBytes, p, warmup));
                        }
                    }
                    Drain d = drain(env, stage, output, messages, requests, workers, jfr);
                    double seconds = d.seconds();
                    int outputBytes = d.outputBytes();
                    int perfSize = (inputBytes + outputBytes) / 2;
                    out.println(String.format(Locale.ROOT, "worker: 1 worker, 1 zero-time DUMMY stage, %d requests preloaded, prefetch %d, "
                            + "%d B in / %d B out: %.0f msg/s (%.2f s)", messages, p, inputBytes, outputBytes, messages / seconds, seconds));
                    if (!skipPerfTest) {
                        PerfTestParams tp = perfTest(broker, id, perfSize, p, messages);
                        PerfTestBenchmark.Result t = PerfTestBenchmark.run(env.amqp(), tp);
                        out.println(String.format(Locale.ROOT, "perftest: 1 producer, 1 consumer, %d msgs of %d B, persistent, "
                                + "confirm %d, qos %d: %.0f msg/s received", messages, perfSize, p, p, t.receivedPerSecond()));
                        out.println(String.format(Locale.ROOT, "per hop: worker / PerfTest = %.3f", messages / seconds / t.receivedPerSecond()));
                        out.println("          " + t.commandLine());
                    }
                    if (jfr != null) {
                        out.println("hottest methods of the worker's run (JFR execution samples, top frame, " + jfr + "):");
                        JfrTop.top(jfr, 15).forEach(l -> out.println("  " + l));
                    }
                }
            } finally {
                env.zk().delete().quietly().deletingChildrenIfNeeded().forPath(ZkPaths.stage(stage));
                try (Channel c = env.amqp().createChannel()) {
                    QueueTopology.deleteQueue(c, stage);
                    QueueTopology.deleteQueue(c, output);
                }
                try (var paths = Files.walk(work)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        return 0;
    }

    private static PerfTestParams perfTest(ServerAddress broker, String id, int size, int prefetch, long messages) {
        return new PerfTestParams(broker, List.of("hop-perf-" + id + "-1"), 1, 1, size, prefetch, messages);
    }

    private record Drain(double seconds, int outputBytes) {
    }

    /** Uploads {@code n} requests (untimed), then times the worker until all are in the output queue, which is then purged. */
    private static Drain drain(BenchEnvironment env, String stage, String output, int n, BenchRequests requests,
                                InJvmWorkers workers, Path jfr) throws Exception {
        workers.assign(Map.of(workers.ids().get(0), ""));
        workers.awaitAll(EnumSet.of(WorkerStatus.IDLE), Duration.ofSeconds(60));
        ConfirmedPublisher.publish(env.amqp(), stage, n, requests::next);
        try (QueueCounter counter = new QueueCounter(env.amqp());
             JfrTop.Recording recording = jfr == null ? null : JfrTop.start(jfr)) {
            long t0 = System.nanoTime();
            workers.assign(Map.of(workers.ids().get(0), stage));
            long t1 = counter.awaitCount(output, n, Duration.ofSeconds(60), workers::describe);
            try (Channel c = env.amqp().createChannel()) {
                com.rabbitmq.client.GetResponse r = c.basicGet(output, true);
                return new Drain((t1 - t0) / 1e9, r == null ? -1 : r.getBody().length);
            }
        } finally {
            try (Channel c = env.amqp().createChannel()) {
                c.queuePurge(output);
            }
        }
    }

    private static void createStage(CuratorFramework zk, Channel channel, String stage, String output) throws Exception {
        put(zk, ZkPaths.stageConfig(stage), BenchStages.DUMMY_CONFIG.getBytes(StandardCharsets.UTF_8));
        put(zk, ZkPaths.stageConfigPath(stage), new byte[0]);
        put(zk, ZkPaths.stageConfigVersion(stage), ZkCodecs.text(ZkCodecs.isoTime(Instant.now())));
        put(zk, ZkPaths.stageAvgMsgTime(stage), new byte[0]);
        put(zk, ZkPaths.stageWaitingSince(stage), new byte[0]);
        put(zk, ZkPaths.stageAdministrativePriority(stage), ZkCodecs.unsignedBigEndian(0));
        QueueTopology.declareStageQueue(channel, stage);
        QueueTopology.declareStageQueue(channel, output);
    }

    private static void put(CuratorFramework zk, String path, byte[] data) throws Exception {
        zk.create().orSetData().creatingParentsIfNeeded().forPath(path, data);
    }
}
