package io.pero.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.pero.common.mq.QueueTopology;
import io.pero.common.net.ServerAddress;
import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.StageConfigFailures;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.embedded.EmbeddedSftpServer;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.proto.ProcessingRequest;
import io.pero.watchdog.WatchdogMain;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault-injection suite: requests through a two-stage DUMMY pipeline whose stages carry model archives on SFTP, with
 * worker processes (own JVMs) killed -9 at random and restarted under the same ids, one broker restart, one ZooKeeper
 * restart (same port, same data) and the SFTP server down across a stage switch (a new config version, so workers must
 * download a new archive while no SFTP server answers). The real watchdog schedules the workers throughout. At the end
 * every published request is looked for by uuid: in {@code out} (once, or a counted duplicate), left in a stage queue
 * (stuck) or parked in {@code pero.errors}; whatever is in none of them is lost.
 *
 * <p>Requests go out in batches, one before each fault, so each fault lands on a pipeline with work in it; the faults come
 * in a random order (seeded), each once a random part of its batch has come out.
 */
final class FaultSuite {
    private static final Logger log = LoggerFactory.getLogger(FaultSuite.class);
    /** Bytes of each request's input file; the DUMMY stage's time is this × TIME_SCALE. */
    private static final int SIZE = 1000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration BROKER_BACK_TIMEOUT = Duration.ofSeconds(120);
    /** How long the SFTP server stays down at most waiting for a worker to fail the switch for want of it. */
    private static final Duration SWITCH_FAILURE_TIMEOUT = Duration.ofSeconds(90);
    private static final String SFTP_USER = "pero";
    private static final String SFTP_PASSWORD = "pero";

    enum Fault { KILL, BROKER_RESTART, ZOOKEEPER_RESTART, SFTP_OUTAGE_ACROSS_SWITCH }

    record Params(int requests, int kills, int workers, int millis, BrokerRestart broker, Optional<ServerAddress> management,
                  Duration zkOutage, Duration sftpOutage, Duration maxGap, Duration drainTimeout, long seed,
                  double maxDuplicatePercent, boolean keepLogs) {
    }

    record Result(Params params, FaultTally tally, int kills, int brokerRestarts, int zkRestarts, int sftpOutages,
                  List<String> unexpectedExits, List<String> parkedReasons, double wallSeconds, Path logs) {
        boolean passes() {
            return tally.passes(params.maxDuplicatePercent()) && unexpectedExits.isEmpty() && kills == params.kills()
                    && zkRestarts == 1 && sftpOutages == 1;
        }

        List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "faults: %d requests, 2 DUMMY stages x %d ms, %d worker processes, seed %d",
                    params.requests(), params.millis(), params.workers(), params.seed()));
            lines.add(String.format(Locale.ROOT, "  kills -9 (restarted under the same id): %d; broker restarts: %d (%s); "
                    + "ZooKeeper restarts: %d; SFTP outages across a stage switch: %d", kills, brokerRestarts,
                    params.broker().describe(), zkRestarts, sftpOutages));
            lines.add(String.format(Locale.ROOT, "  published %d, received %d, distinct %d, duplicates %d (%.2f %%), lost %d, "
                    + "stuck %d, parked %d, foreign %d", tally.published(), tally.received(), tally.distinct(),
                    tally.duplicates(), tally.duplicatePercent(), tally.lost(), tally.stuck(), tally.parked(), tally.unknown()));
            parkedReasons.forEach(r -> lines.add("  parked: " + r));
            unexpectedExits.forEach(e -> lines.add("  worker exited by itself: " + e));
            lines.add(String.format(Locale.ROOT, "  wall time %.1f s; worker logs in %s", wallSeconds, logs));
            lines.add("  result: " + (passes() ? "PASS" : "FAIL") + " (0 lost, 0 stuck, 0 parked, duplicates < "
                    + params.maxDuplicatePercent() + " %, every fault injected, no worker exiting by itself)");
            return lines;
        }
    }

    private final Params params;
    private final ServerAddress mq;
    private final PrintWriter progress;
    private final Random random;
    private final String runId;
    private final Path work;
    private final String stage1;
    private final String stage2;
    private final String output;
    private final Set<String> published = new HashSet<>();
    private final List<String> workerIds = new ArrayList<>();
    private final java.util.Map<String, Long> killedSessions = new java.util.HashMap<>();
    private EmbeddedZooKeeper zooKeeper;
    private EmbeddedSftpServer sftp;
    private BenchEnvironment env;
    private WorkerProcesses workers;
    private int kills;
    private int brokerRestarts;
    private int zkRestarts;
    private int sftpOutages;

    private FaultSuite(ServerAddress mq, Params params, PrintWriter progress) throws IOException {
        this.params = params;
        this.mq = mq;
        this.progress = progress;
        this.random = new Random(params.seed());
        byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);
        this.runId = "faults-" + HexFormat.of().formatHex(b);
        this.work = Files.createTempDirectory("pero-" + runId + "-");
        this.stage1 = runId + "-s1";
        this.stage2 = runId + "-s2";
        this.output = runId + "-out";
    }

    /** Runs the suite against the broker at {@code mq} (vhost {@code pero}, guest/guest); progress lines go to {@code progress}. */
    static Result run(ServerAddress mq, Params params, PrintWriter progress) throws Exception {
        return new FaultSuite(mq, params, progress).run();
    }

    private Result run() throws Exception {
        long t0 = System.nanoTime();
        boolean passed = false;
        try {
            zooKeeper = EmbeddedZooKeeper.start(0, Optional.of(work.resolve("zookeeper")));
            sftp = EmbeddedSftpServer.start(0, work.resolve("sftp"), SFTP_USER, SFTP_PASSWORD);
            env = BenchEnvironment.open(Optional.of(zooKeeper.connectString()), mq);
            createCluster();
            workers = new WorkerProcesses(env.zk(), List.of("-z", zooKeeper.connectString(), "--cache-directory",
                    Files.createDirectories(work.resolve("cache")).toString(), "--disable-remote-logging",
                    "--shutdown-timeout", "20"), work.resolve("logs"));
            for (String id : workerIds) {
                workers.start(id);
            }
            awaitSettled();
            say("%d worker processes serving; watchdog starting", workerIds.size());
            List<String> exits;
            try (WatchdogMain.Running watchdog = WatchdogMain.start("-z", zooKeeper.connectString())) {
                injectFaults();
                drain();
                exits = workers.unexpectedExits();
            }
            workers.close();
            Result result = tally(exits, (System.nanoTime() - t0) / 1e9);
            passed = result.passes();
            return result;
        } finally {
            cleanUp(passed);
        }
    }

    // ---- set-up

    private void createCluster() throws Exception {
        put(ZkPaths.join(ZkPaths.FTP_SERVERS, "127.0.0.1:" + sftp.port()), new byte[0]);
        if (params.management().isPresent()) {
            put(ZkPaths.join(ZkPaths.MQ_MONITORING_SERVERS, params.management().get().znodeName()), new byte[0]);
        }
        String config = "[WORKER]\nDUMMY = 1\nTIME_SCALE = " + (params.millis() / 1000.0 / SIZE) + "\n";
        try (Channel ch = env.amqp().createChannel()) {
            for (String stage : List.of(stage1, stage2)) {
                String archive = writeArchive(stage, "v1");
                put(ZkPaths.stageConfig(stage), config.getBytes(StandardCharsets.UTF_8));
                put(ZkPaths.stageConfigPath(stage), ZkCodecs.text(archive));
                put(ZkPaths.stageConfigVersion(stage), ZkCodecs.text("v1"));
                put(ZkPaths.stageAvgMsgTime(stage), ZkCodecs.text(ZkCodecs.floatHex(params.millis() / 1000.0)));
                put(ZkPaths.stageWaitingSince(stage), new byte[0]);
                put(ZkPaths.stageAdministrativePriority(stage), ZkCodecs.unsignedBigEndian(0));
                QueueTopology.declareStageQueue(ch, stage);
            }
            QueueTopology.declareStageQueue(ch, output);
            QueueTopology.declareErrorQueue(ch);
        }
        for (int i = 1; i <= params.workers(); i++) {
            String id = runId + "-w" + i;
            workerIds.add(id);
            // Half on each stage to begin with; the watchdog moves them from then on.
            put(ZkPaths.workerQueue(id), ZkCodecs.text(i % 2 == 1 ? stage1 : stage2));
        }
    }

    /** A model archive for {@code stage} at {@code version} under the SFTP root (written to disk: the server may be down). */
    private String writeArchive(String stage, String version) throws IOException {
        String relative = "models/" + stage + "-" + version + ".zip";
        Path file = work.resolve("sftp").resolve(relative);
        Files.createDirectories(file.getParent());
        try (OutputStream o = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(o)) {
            zip.putNextEntry(new ZipEntry("model.txt"));
            zip.write((stage + " " + version + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return relative;
    }

    private void awaitSettled() throws InterruptedException {
        await(START_TIMEOUT, () -> workerIds.stream().allMatch(id -> {
            String status = text(ZkPaths.workerStatus(id));
            return !text(ZkPaths.workerActiveStage(id)).isEmpty()
                    && (WorkerStatus.IDLE.name().equals(status) || WorkerStatus.PROCESSING.name().equals(status));
        }), "every worker configured on its first stage");
    }

    // ---- faults

    private void injectFaults() throws Exception {
        List<Fault> faults = new ArrayList<>(Collections.nCopies(params.kills(), Fault.KILL));
        faults.add(Fault.BROKER_RESTART);
        faults.add(Fault.ZOOKEEPER_RESTART);
        faults.add(Fault.SFTP_OUTAGE_ACROSS_SWITCH);
        Collections.shuffle(faults, random);
        int batches = faults.size() + 1;
        for (int i = 0; i < batches; i++) {
            int count = params.requests() / batches + (i < params.requests() % batches ? 1 : 0);
            long before = count(output);
            publish(count);
            if (i < faults.size()) {
                awaitPartOfBatch(before, count);
                inject(faults.get(i));
            }
        }
    }

    /**
     * Waits until a random part (10 to 60 %) of the batch just published has reached {@code out}, so that the fault
     * lands on a pipeline with messages in both stages, in hand and unacknowledged. Bounded by {@code maxGap}: a stage
     * that is down (being switched, its workers restarting) must not hold up the next fault.
     */
    private void awaitPartOfBatch(long before, int count) throws InterruptedException {
        long target = before + Math.max(1, count * (10 + random.nextInt(51)) / 100);
        try {
            await(params.maxGap(), () -> count(output) >= target, "part of the batch in " + output);
        } catch (IllegalStateException e) {
            say("fault comes before %d results of this batch reached %s (%s)", target - before, output, describeWorkers());
        }
    }

    private void inject(Fault fault) throws Exception {
        switch (fault) {
            case KILL -> kill();
            case BROKER_RESTART -> {
                say("broker restart: %s", params.broker().describe());
                params.broker().restart();
                awaitBroker();
                if (!params.broker().describe().startsWith("skipped")) {
                    brokerRestarts++;
                    say("broker back");
                }
            }
            case ZOOKEEPER_RESTART -> {
                say("ZooKeeper stopped (%d ms outage, same port and data)", params.zkOutage().toMillis());
                zooKeeper.stop();
                // The outage's length is the fault itself: sessions outlive a short one (a longer one expires them).
                Thread.sleep(params.zkOutage().toMillis());
                zooKeeper.restart();
                zkRestarts++;
                say("ZooKeeper back on %s", zooKeeper.connectString());
            }
            case SFTP_OUTAGE_ACROSS_SWITCH -> sftpOutageAcrossSwitch();
        }
    }

    /**
     * Kills a worker whose current process is up (registered with a session of its own), one with messages in hand
     * where there is one, and starts it again under the same id at once.
     */
    private void kill() throws Exception {
        await(Duration.ofSeconds(60), () -> workerIds.stream().anyMatch(this::up), "a worker process that is up");
        List<String> up = workerIds.stream().filter(this::up).toList();
        List<String> busy = up.stream().filter(id -> WorkerStatus.PROCESSING.name().equals(text(ZkPaths.workerStatus(id))))
                .toList();
        List<String> pool = busy.isEmpty() ? up : busy;
        String id = pool.get(random.nextInt(pool.size()));
        String status = text(ZkPaths.workerStatus(id));
        killedSessions.put(id, connectedSession(id));
        workers.killAndRestart(id);
        kills++;
        say("kill -9 %s (%s), restarted under the same id (%d of %d)", id, status, kills, params.kills());
    }

    /** The worker's current process registered: its {@code connected} node is not the one of a process killed before. */
    private boolean up(String id) {
        long session = connectedSession(id);
        return session != 0 && session != killedSessions.getOrDefault(id, 0L);
    }

    /** The session owning the worker's ephemeral {@code connected} node; 0 when there is none. */
    private long connectedSession(String id) {
        try {
            var stat = env.zk().checkExists().forPath(ZkPaths.workerConnected(id));
            return stat == null ? 0 : stat.getEphemeralOwner();
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * The SFTP server goes down; stage 2 gets a new model archive and config version (what {@code pero-stage-config}
     * does), and every worker assigned to it is told to switch to it again (what {@code pero-controller -i} does; the
     * watchdog's own moves to it need the new archive too). The server stays down until a worker has failed that switch
     * for want of it and at least {@code sftpOutage}, then comes back on the same port.
     */
    private void sftpOutageAcrossSwitch() throws Exception {
        int port = sftp.port();
        sftp.close();
        long down = System.nanoTime();
        String archive = writeArchive(stage2, "v2");
        env.zk().setData().forPath(ZkPaths.stageConfigPath(stage2), ZkCodecs.text(archive));
        env.zk().setData().forPath(ZkPaths.stageConfigVersion(stage2), ZkCodecs.text("v2"));
        List<String> switched = new ArrayList<>();
        for (String id : workerIds) {
            if (stage2.equals(text(ZkPaths.workerQueue(id)))) {
                switched.add(id);
            }
        }
        if (switched.isEmpty()) {
            switched.add(workerIds.get(0));
        }
        for (String id : switched) {
            env.zk().setData().forPath(ZkPaths.workerQueue(id), ZkCodecs.text(stage2));
        }
        say("SFTP down; %s switched to %s at config version v2 (new archive %s)", switched, stage2, archive);
        await(SWITCH_FAILURE_TIMEOUT, () -> failuresAt(stage2, "v2") >= 1, "a worker failing the switch while SFTP is down");
        long left = params.sftpOutage().toNanos() - (System.nanoTime() - down);
        if (left > 0) {
            // The outage's length is the fault itself: workers retry with back-off meanwhile.
            Thread.sleep(left / 1_000_000);
        }
        sftp = EmbeddedSftpServer.start(port, work.resolve("sftp"), SFTP_USER, SFTP_PASSWORD);
        sftpOutages++;
        say("SFTP back after %.1f s; failed configurations of %s at v2 so far: %d", (System.nanoTime() - down) / 1e9,
                stage2, failuresAt(stage2, "v2"));
    }

    private int failuresAt(String stage, String version) {
        try {
            byte[] data = env.zk().getData().forPath(ZkPaths.stageConfigFailures(stage));
            return StageConfigFailures.parse(data).filter(f -> f.version().equals(version)).map(StageConfigFailures::count)
                    .orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }

    private void awaitBroker() throws InterruptedException {
        await(BROKER_BACK_TIMEOUT, () -> {
            try (Connection c = env.connect("pero-faults:probe"); Channel ch = c.createChannel()) {
                ch.queueDeclarePassive(stage1);
                return true;
            } catch (Exception e) {
                return false;
            }
        }, "the broker's vhost answering again");
    }

    // ---- traffic and accounting

    private void publish(int count) throws Exception {
        if (count == 0) {
            return;
        }
        BenchRequests requests = new BenchRequests(List.of(stage1, stage2, output), SIZE, random.nextLong());
        try (Connection c = env.connect("pero-faults:publish")) {
            ConfirmedPublisher.publish(c, stage1, count, () -> {
                byte[] body = requests.next();
                published.add(uuid(body));
                return body;
            });
        }
    }

    /**
     * Waits, bounded, until the stage queues are empty and {@code out} holds at least one copy per request. A request
     * still in a stage queue after this is stuck.
     */
    private void drain() throws InterruptedException {
        say("all %d requests published; draining (at most %d s)", published.size(), params.drainTimeout().toSeconds());
        long start = System.nanoTime();
        try {
            await(params.drainTimeout(), () -> count(stage1) == 0 && count(stage2) == 0 && count(output) >= published.size(),
                    "stage queues empty and every request in " + output);
            say("drained in %.1f s", (System.nanoTime() - start) / 1e9);
        } catch (IllegalStateException e) {
            say("not drained: %s; %s=%d %s=%d %s=%d; workers %s", e.getMessage(), stage1, count(stage1), stage2,
                    count(stage2), output, count(output), describeWorkers());
        }
    }

    private Result tally(List<String> exits, double wallSeconds) throws Exception {
        try (Connection c = env.connect("pero-faults:tally"); Channel ch = c.createChannel()) {
            List<String> received = takeAll(ch, output);
            List<String> stuck = new ArrayList<>(takeAll(ch, stage1));
            stuck.addAll(takeAll(ch, stage2));
            List<String> parkedReasons = new ArrayList<>();
            List<String> parked = takeParked(ch, parkedReasons);
            FaultTally t = FaultTally.of(published, received, stuck, parked);
            return new Result(params, t, kills, brokerRestarts, zkRestarts, sftpOutages, exits, parkedReasons, wallSeconds,
                    work.resolve("logs"));
        }
    }

    private static List<String> takeAll(Channel ch, String queue) throws IOException {
        List<String> uuids = new ArrayList<>();
        GetResponse r;
        while ((r = ch.basicGet(queue, true)) != null) {
            uuids.add(uuid(r.getBody()));
        }
        return uuids;
    }

    /**
     * This run's messages in the shared {@code pero.errors}: taken (acked) with their reasons. Everyone else's are held
     * unacked until the scan ends, then returned, so the scan sees each message once.
     */
    private List<String> takeParked(Channel ch, List<String> reasons) throws IOException {
        List<String> ours = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        try {
            GetResponse r;
            while ((r = ch.basicGet(QueueTopology.ERROR_QUEUE, false)) != null) {
                String uuid = uuid(r.getBody());
                if (published.contains(uuid)) {
                    ch.basicAck(r.getEnvelope().getDeliveryTag(), false);
                    var h = r.getProps().getHeaders();
                    ours.add(uuid);
                    reasons.add(uuid + " from " + (h == null ? "?" : h.get(QueueTopology.HEADER_ERROR_QUEUE)) + ": "
                            + (h == null ? "?" : h.get(QueueTopology.HEADER_ERROR_REASON)));
                } else {
                    others.add(r.getEnvelope().getDeliveryTag());
                }
            }
        } finally {
            for (long tag : others) {
                ch.basicNack(tag, false, true);
            }
        }
        return ours;
    }

    private static String uuid(byte[] body) {
        try {
            return ProcessingRequest.parseFrom(body).getUuid();
        } catch (IOException e) {
            return "<unparseable " + body.length + " bytes>";
        }
    }

    private long count(String queue) {
        try (Channel ch = env.amqp().createChannel()) {
            return ch.queueDeclarePassive(queue).getMessageCount();
        } catch (Exception e) {
            return -1;
        }
    }

    // ---- helpers

    private String describeWorkers() {
        List<String> parts = new ArrayList<>();
        for (String id : workerIds) {
            parts.add(id.substring(runId.length() + 1) + "=" + text(ZkPaths.workerStatus(id)) + "@"
                    + text(ZkPaths.workerActiveStage(id)).replace(runId + "-", ""));
        }
        return String.join(", ", parts);
    }

    private void put(String path, byte[] data) throws Exception {
        env.zk().create().orSetData().creatingParentsIfNeeded().forPath(path, data);
    }

    private String text(String path) {
        try {
            return ZkCodecs.text(env.zk().getData().forPath(path)).trim();
        } catch (Exception e) {
            return "";
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private void say(String format, Object... args) {
        progress.printf(Locale.ROOT, "[faults %s] %s%n", runId, String.format(Locale.ROOT, format, args));
        progress.flush();
    }

    private void cleanUp(boolean passed) {
        if (workers != null) {
            workers.close();
        }
        if (env != null) {
            try (Channel ch = env.amqp().createChannel()) {
                for (String q : List.of(stage1, stage2, output)) {
                    QueueTopology.deleteQueue(ch, q);
                }
            } catch (Exception e) {
                log.warn("cannot delete the suite's queues cause={}", e.toString());
            }
            for (String path : List.of(ZkPaths.stage(stage1), ZkPaths.stage(stage2))) {
                try {
                    env.zk().delete().quietly().deletingChildrenIfNeeded().forPath(path);
                } catch (Exception e) {
                    log.warn("cannot delete path={} cause={}", path, e.toString());
                }
            }
            env.close();
        }
        if (sftp != null) {
            sftp.close();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
        if (passed && !params.keepLogs()) {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.warn("cannot delete work directory {} cause={}", work, e.toString());
            }
        }
    }
}
