package io.pero.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.config.ConfigKeys;
import io.pero.common.mq.QueueTopology;
import io.pero.common.net.ServerAddress;
import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.proto.ProcessingRequest;
import io.pero.watchdog.WatchdogMain;
import io.pero.watchdog.plan.DefaultPolicy;
import io.pero.watchdog.sim.Scenario;
import io.pero.watchdog.sim.Scenarios;
import io.pero.watchdog.sim.Simulation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live scheduling benchmark: W in-JVM workers start on stage 1 of an S-stage DUMMY pipeline, the real watchdog runs
 * (its defaults: 10 s cycle plus event-driven re-plans) against an embedded ZooKeeper and the broker, N requests are
 * published at once to stage 1, and the clock runs from the first publish to the N-th distinct result in the output queue.
 * The simulator runs the same scenario for comparison. Stage statistics ({@code avg_msg_time}) are preset to the true
 * time, as on a cluster that has run the stages before (the simulator assumes the same); the pipeline order
 * ({@code next_stages}) is learned during the run.
 */
final class LiveBenchmark {
    private static final Logger log = LoggerFactory.getLogger(LiveBenchmark.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Bytes of each request's input file; the DUMMY stage's time is this × TIME_SCALE. */
    private static final int SIZE = 1000;

    record Params(int requests, int workers, int stages, double seconds, Optional<ServerAddress> management, Duration timeout) {
    }

    record Result(Params params, double makespan, int distinct, int duplicates, double simulated, double simulatedLowerBound,
                  String switchSeconds) {
        double lowerBound() {
            return params.requests() * params.stages() * params.seconds() / params.workers();
        }

        boolean complete() {
            return distinct == params.requests();
        }

        List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "live: %d requests x %d stages x %.0f ms, %d workers starting on s1, watchdog defaults",
                    params.requests(), params.stages(), params.seconds() * 1000, params.workers()));
            lines.add(String.format(Locale.ROOT, "  makespan %.2f s (first publish to last result in out)%s", makespan,
                    complete() ? "" : " INCOMPLETE"));
            lines.add(String.format(Locale.ROOT, "  lower bound %.2f s (total work / workers); ratio %.3f", lowerBound(),
                    makespan / lowerBound()));
            lines.add(String.format(Locale.ROOT, "  results by uuid: %d distinct of %d published, %d missing, %d duplicates",
                    distinct, params.requests(), params.requests() - distinct, duplicates));
            lines.add(String.format(Locale.ROOT, "  simulated makespan %.2f s (simulator lower bound %.2f s); simulated / live %.3f",
                    simulated, simulatedLowerBound, simulated / makespan));
            lines.add("  worker switch_seconds reported: " + switchSeconds);
            return lines;
        }
    }

    private LiveBenchmark() {
    }

    static Result run(BenchEnvironment env, Params params) throws Exception {
        byte[] rnd = new byte[3];
        new SecureRandom().nextBytes(rnd);
        String id = "live-" + HexFormat.of().formatHex(rnd);
        List<String> stages = new ArrayList<>();
        for (int i = 1; i <= params.stages(); i++) {
            stages.add(id + "-s" + i);
        }
        String output = id + "-out";
        List<String> pipeline = new ArrayList<>(stages);
        pipeline.add(output);
        CuratorFramework zk = env.zk();
        Path work = Files.createTempDirectory("pero-bench-live-");
        try (Channel setup = env.amqp().createChannel()) {
            createStages(zk, setup, stages, output, params.seconds());
            if (params.management().isPresent()) {
                zk.create().orSetData().creatingParentsIfNeeded()
                        .forPath(ZkPaths.join(ZkPaths.MQ_MONITORING_SERVERS, params.management().get().znodeName()));
            }
            try (InJvmWorkers workers = new InJvmWorkers(zk, writeWorkerIni(work, env), id)) {
                for (int i = 1; i <= params.workers(); i++) {
                    zk.create().orSetData().creatingParentsIfNeeded().forPath(ZkPaths.workerQueue(id + "-w" + i),
                            ZkCodecs.text(stages.get(0)));
                }
                workers.start(params.workers());
                awaitOnFirstStage(zk, workers, stages.get(0));
                try (WatchdogMain.Running watchdog = WatchdogMain.start("-z", env.zkConnectString())) {
                    awaitLeader(zk);
                    return measure(env, params, stages, output, pipeline, workers, zk);
                }
            } finally {
                for (String s : stages) {
                    zk.delete().quietly().deletingChildrenIfNeeded().forPath(ZkPaths.stage(s));
                }
                for (String q : pipeline) {
                    try {
                        QueueTopology.deleteQueue(setup, q);
                    } catch (Exception e) {
                        log.warn("cannot delete queue queue={} cause={}", q, e.toString());
                    }
                }
            }
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Result measure(BenchEnvironment env, Params params, List<String> stages, String output, List<String> pipeline,
                                  InJvmWorkers workers, CuratorFramework zk) throws Exception {
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        AtomicLong lastDistinct = new AtomicLong();
        CountDownLatch all = new CountDownLatch(params.requests());
        try (Connection consume = env.connect("pero-bench:live:out")) {
            Channel out = consume.createChannel();
            out.basicQos(256);
            out.basicConsume(output, true, (tag, delivery) -> {
                String uuid = ProcessingRequest.parseFrom(delivery.getBody()).getUuid();
                if (seen.merge(uuid, 1, Integer::sum) == 1) {
                    lastDistinct.set(System.nanoTime());
                    all.countDown();
                }
            }, tag -> { });
            BenchRequests requests = new BenchRequests(pipeline, SIZE, 7);
            long t0 = System.nanoTime();
            ConfirmedPublisher.publish(env.amqp(), stages.get(0), params.requests(), requests::next);
            if (!all.await(params.timeout().toSeconds(), TimeUnit.SECONDS)) {
                log.warn("not all results arrived within {} s; workers: {}", params.timeout().toSeconds(), workers.describe());
            }
            double makespan = (lastDistinct.get() - t0) / 1e9;
            int duplicates = seen.values().stream().mapToInt(n -> n - 1).sum();
            Scenario scenario = Scenarios.live(params.workers(), params.requests(), params.stages(), params.seconds());
            double simulated = Simulation.run(scenario, 1, Optional.of(new DefaultPolicy(DefaultPolicy.Settings.defaults())),
                    true, line -> { }).makespan();
            String switches = switchSeconds(zk, workers.ids());
            return new Result(params, makespan, seen.size(), duplicates, simulated, Simulation.lowerBound(scenario, 1), switches);
        }
    }

    private static void createStages(CuratorFramework zk, Channel channel, List<String> stages, String output, double seconds)
            throws Exception {
        String config = "[WORKER]\nDUMMY = 1\nTIME_SCALE = " + (seconds / SIZE) + "\n";
        String version = ZkCodecs.isoTime(Instant.now());
        for (String stage : stages) {
            put(zk, ZkPaths.stageConfig(stage), config.getBytes(StandardCharsets.UTF_8));
            put(zk, ZkPaths.stageConfigPath(stage), new byte[0]);
            put(zk, ZkPaths.stageConfigVersion(stage), ZkCodecs.text(version));
            put(zk, ZkPaths.stageAvgMsgTime(stage), ZkCodecs.text(ZkCodecs.floatHex(seconds)));
            put(zk, ZkPaths.stageWaitingSince(stage), new byte[0]);
            put(zk, ZkPaths.stageAdministrativePriority(stage), ZkCodecs.unsignedBigEndian(0));
            QueueTopology.declareStageQueue(channel, stage);
        }
        QueueTopology.declareStageQueue(channel, output);
    }

    private static void put(CuratorFramework zk, String path, byte[] data) throws Exception {
        zk.create().orSetData().creatingParentsIfNeeded().forPath(path, data);
    }

    private static void awaitOnFirstStage(CuratorFramework zk, InJvmWorkers workers, String stage) throws Exception {
        workers.awaitAll(EnumSet.of(WorkerStatus.IDLE), START_TIMEOUT);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!workers.ids().stream().allMatch(w -> stage.equals(text(zk, ZkPaths.workerActiveStage(w))))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("workers did not settle on " + stage + ": " + workers.describe());
            }
            Thread.sleep(20);
        }
    }

    private static void awaitLeader(CuratorFramework zk) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (zk.checkExists().forPath(ZkPaths.WATCHDOG_LEADER) == null
                || zk.getChildren().forPath(ZkPaths.WATCHDOG_LEADER).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the watchdog did not join the leader election");
            }
            Thread.sleep(20);
        }
    }

    private static String switchSeconds(CuratorFramework zk, List<String> ids) {
        return String.join(", ", ids.stream().map(w -> w + "=" + text(zk, ZkPaths.workerSwitchSeconds(w))).toList());
    }

    private static String text(CuratorFramework zk, String path) {
        try {
            return ZkCodecs.text(zk.getData().forPath(path)).trim();
        } catch (Exception e) {
            return "";
        }
    }

    private static Path writeWorkerIni(Path work, BenchEnvironment env) throws java.io.IOException {
        Path cache = Files.createDirectories(work.resolve("cache"));
        String ini = "[WORKER]\n" + ConfigKeys.ZOOKEEPER_SERVERS + " = " + env.zkConnectString() + "\n"
                + ConfigKeys.CACHE_DIR + " = " + cache + "\n" + ConfigKeys.DISABLE_REMOTE_LOGGING + " = true\n";
        return Files.writeString(work.resolve("worker.ini"), ini);
    }
}
