package io.pero.local;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.cli.ZkNodes;
import io.pero.cli.server.ServerConfigApplier;
import io.pero.cli.server.ServerConfigPlanner;
import io.pero.cli.server.ServerListKind;
import io.pero.cli.stage.StageConfigApplier;
import io.pero.cli.stage.StagePlan;
import io.pero.cli.stage.StagePlanner;
import io.pero.cli.stage.StageRequest;
import io.pero.cli.stage.StageStep;
import io.pero.common.config.Credentials;
import io.pero.common.mq.QueueTopology;
import io.pero.common.mq.QueueType;
import io.pero.common.net.ServerAddress;
import io.pero.common.sftp.SftpModelStore;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.common.zk.ZkSettings;
import io.pero.embedded.EmbeddedSftpServer;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.embedded.broker.EmbeddedQpidBroker;
import io.pero.logdaemon.InProcessLogDaemon;
import io.pero.watchdog.InProcessWatchdog;
import io.pero.ocr.config.OcrConfig;
import io.pero.worker.WorkerMain;
import io.pero.worker.ocr.OcrProcessorFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole cluster in this JVM: ZooKeeper, the AMQP broker (Qpid Broker-J) and SFTP on 127.0.0.1, registered in
 * ZooKeeper and configured by the config tools' own planners and appliers ({@code pero-server-config},
 * {@code pero-stage-config}), then workers, the watchdog and the log daemon through their entry points.
 * {@link #close()} stops everything in reverse order: workers finish the page in hand first.
 */
final class LocalCluster implements AutoCloseable {
    static final String OCR_STAGE = "ocr";
    static final String OUT_QUEUE = "out";
    static final String LOG_QUEUE = "log";
    static final String MQ_USER = "guest";
    static final String MQ_PASSWORD = "guest";
    /** What every tool uses for SFTP when no -u is given. */
    static final String SFTP_USER = "pero";
    static final String SFTP_PASSWORD = "pero";
    private static final String HOST = "127.0.0.1";
    private static final String OCR_CONFIG_RESOURCE = "/io/pero/local/stage-ocr/config.ini";
    private static final Duration ZK_CONNECT = Duration.ofSeconds(20);
    private static final Duration WORKER_STOP = Duration.ofSeconds(120);
    private static final Logger log = LoggerFactory.getLogger(LocalCluster.class);

    /** Where and how to run. Ports 0 pick free ports. {@code dataDir} empty: everything in {@code workDir}, discarded. */
    record Settings(Path workDir, Optional<Path> dataDir, int zkPort, int amqpPort, int sftpPort, int workers) {
    }

    private final Settings settings;
    /*
     * close() tells the workers to stop, then stops the daemons and the clients all side by side, then the servers:
     * each ZooKeeper client (the daemons', this cluster's) takes ~100 ms to close (ZooKeeper's NIO client sleeps that
     * long after closing its socket), so every group closed one after another added one such sleep to the stop.
     */
    /** The watchdog (it moves nobody while stopping), the workers (each after the page in hand), the log daemon. */
    private final List<AutoCloseable> daemons = new ArrayList<>();
    /** This cluster's ZooKeeper client and AMQP connection, the prepared engines nobody took. */
    private final List<AutoCloseable> clients = new ArrayList<>();
    /** ZooKeeper, the broker and SFTP: independent of each other, stopped after everything else. */
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final List<String> workerIds = new ArrayList<>();
    private final List<CompletableFuture<Integer>> workerRuns = new ArrayList<>();
    private EmbeddedZooKeeper zooKeeper;
    private EmbeddedQpidBroker broker;
    private EmbeddedSftpServer sftp;
    private CuratorFramework zk;
    private Connection connection;
    private PreparedEngines engines;

    LocalCluster(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts the three servers and the workers, registers the servers, configures the stages and creates their queues:
     * afterwards pages can be published to the OCR stage and results consumed (on {@link #connection()}), while
     * {@link #startDaemons()} runs. On failure everything started is stopped again.
     * <p>
     * Only the queues need the broker, which takes the longest to start (about a second): everything else (ZooKeeper,
     * the cluster's own client, the workers' assignment, the OCR stage's configuration in ZooKeeper, the SFTP
     * registration, the workers' own start up to their RabbitMQ connect) happens while it starts. The broker is
     * registered in ZooKeeper only once its queues exist: that registration is what the workers wait for (a worker
     * connects as soon as its server list names a broker), so no worker looks for a stage queue that is not there yet.
     */
    void startServices() throws Exception {
        try {
            Path ocrStage = writeOcrStageConfig();
            // The models load while the servers start, not after the workers have their stage: the workers still read
            // the stage's configuration from ZooKeeper and get a prepared engine only if it is this same configuration.
            engines = client(new PreparedEngines(OcrConfig.load(ocrStage), settings.workers()));
            // The three servers start side by side: the broker takes the longest (seconds), the others overlap with it.
            // Own threads, not the common pool: on a two-core machine the common pool has one thread, and the two
            // asynchronous starts would run one after the other.
            int amqpPort = settings.amqpPort() != 0 ? settings.amqpPort() : freePort();
            CompletableFuture<EmbeddedQpidBroker> brokerStart = timed("broker", () -> EmbeddedQpidBroker.start(
                    new EmbeddedQpidBroker.Settings(amqpPort, "pero", MQ_USER, MQ_PASSWORD,
                            settings.dataDir().map(d -> d.resolve("broker")))));
            CompletableFuture<EmbeddedSftpServer> sftpStart = timed("sftp", () -> EmbeddedSftpServer.start(
                    settings.sftpPort(), state().resolve("sftp"), SFTP_USER, SFTP_PASSWORD));
            RuntimeException failure = null;
            try {
                long zkStart = System.nanoTime();
                zooKeeper = server(EmbeddedZooKeeper.start(settings.zkPort(), settings.dataDir().map(d -> d.resolve("zookeeper"))));
                log.info("service started service=zookeeper took_ms={}", (System.nanoTime() - zkStart) / 1_000_000);
                zk = client(CuratorClients.startAndWait(ZkSettings.of(List.of(ServerAddress.of(HOST, zooKeeper.port())),
                        Credentials.none()), ZK_CONNECT));
                assignWorkers();
                configureOcrStage(ocrStage);
                sftp = server(join(sftpStart));
                // A restarted run with the same data directory finds the previous run's servers (on other ports): all
                // are replaced, and the broker is left out until its queues exist.
                registerServers(List.of(
                        new ServerConfigPlanner.Request(ServerListKind.MQ, List.of("all"), List.of(), false),
                        new ServerConfigPlanner.Request(ServerListKind.FTP, List.of("all"), List.of(HOST + ":" + sftp.port()), false),
                        new ServerConfigPlanner.Request(ServerListKind.MONITORING, List.of("all"), List.of(), false)));
                startWorkers(state());
            } catch (RuntimeException e) {
                failure = e;
            }
            // Each server that did start is registered for close(), whatever happened to the others.
            if (sftp == null) {
                try {
                    sftp = server(join(sftpStart));
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            try {
                broker = server(join(brokerStart));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
            if (failure != null) {
                throw failure;
            }
            connection = broker.connectionFactory().newConnection("pero-local");
            client(new Named("amqp-connection", connection));
            declareQueues();
            registerServers(List.of(new ServerConfigPlanner.Request(ServerListKind.MQ, List.of(),
                    List.of(HOST + ":" + broker.port()), false)));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        log.info("local services started zookeeper={} amqp={} sftp={}", zkAddress(), broker.port(), sftp.port());
    }

    /**
     * Starts the log daemon and the watchdog, after {@link #startServices()}, side by side. On failure everything
     * started is stopped again.
     */
    void startDaemons() throws Exception {
        try {
            Path state = state();
            CompletableFuture<InProcessLogDaemon> logDaemon = timed("log-daemon", () -> unchecked(() ->
                    InProcessLogDaemon.start("-z", zkAddress(), "-q", LOG_QUEUE, "-o", state.resolve("logs").toString())));
            RuntimeException failure = null;
            try {
                daemons.add(InProcessWatchdog.start("-z", zkAddress()));
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                daemons.add(join(logDaemon));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
            if (failure != null) {
                throw failure;
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        log.info("local cluster started zookeeper={} amqp={} sftp={} workers={}", zkAddress(), broker.port(), sftp.port(),
                settings.workers());
    }

    private Path state() {
        return settings.dataDir().orElse(settings.workDir());
    }

    /** The OCR stage's config.ini (bundled models) in a directory of its own, as a stage directory holds it. */
    private Path writeOcrStageConfig() throws java.io.IOException {
        Path dir = Files.createDirectories(settings.workDir().resolve("stage-ocr"));
        try (InputStream in = LocalCluster.class.getResourceAsStream(OCR_CONFIG_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OCR stage config " + OCR_CONFIG_RESOURCE + " is missing from the local jar");
            }
            Files.copy(in, dir.resolve(OcrConfig.FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    /** Changes the server lists as {@code pero-server-config} does (its planner and applier, on this cluster's client). */
    private void registerServers(List<ServerConfigPlanner.Request> requests) {
        try {
            new ServerConfigApplier(new ZkNodes(zk)).apply(ServerConfigPlanner.plan(requests));
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the servers in ZooKeeper: " + e, e);
        }
    }

    /**
     * The OCR stage's configuration and version in ZooKeeper, as {@code pero-stage-config -n ocr -c config.ini} writes
     * them (its planner and applier, on this cluster's client); its queue comes with the others once the broker is up.
     * The models are bundled: nothing goes to SFTP.
     */
    private void configureOcrStage(Path ocrStage) {
        try {
            StagePlan plan = StagePlanner.plan(new StageRequest(Optional.of(OCR_STAGE),
                    Optional.of(Files.readString(ocrStage.resolve(OcrConfig.FILE_NAME), StandardCharsets.UTF_8)),
                    Optional.empty(), false, Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(),
                    false, false, false), Instant.now());
            StagePlan zooKeeperOnly = new StagePlan(plan.steps().stream()
                    .filter(step -> !(step instanceof StageStep.DeclareQueue)).toList(), plan.warnings(), Optional.empty(), false);
            new StageConfigApplier(new ZkNodes(zk), NO_SERVICES).apply(zooKeeperOnly);
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the " + OCR_STAGE + " stage in ZooKeeper: " + e, e);
        }
    }

    /** What {@link #configureOcrStage} never needs: no queue is touched and no model uploaded there. */
    private static final StageConfigApplier.Services NO_SERVICES = new StageConfigApplier.Services() {
        @Override
        public Connection openMq(List<ServerAddress> servers) {
            throw new IllegalStateException("the local OCR stage is configured without RabbitMQ");
        }

        @Override
        public SftpModelStore sftp(List<ServerAddress> servers) {
            throw new IllegalStateException("the local OCR stage has no model archive");
        }
    };

    /** The stage queues, declared as {@code pero-stage-config -n NAME} declares them. */
    private void declareQueues() throws java.io.IOException, java.util.concurrent.TimeoutException {
        try (Channel channel = connection.createChannel()) {
            for (String queue : List.of(OUT_QUEUE, LOG_QUEUE, OCR_STAGE)) {
                QueueTopology.declareStageQueue(channel, queue, QueueType.CLASSIC);
                log.info("queue declared queue={}", queue);
            }
            // Where workers park what they will not process; the run reads it to report such pages as failed.
            QueueTopology.declareErrorQueue(channel);
        }
    }

    /**
     * Every worker assigned to the OCR stage before it starts, so it serves OCR at once, not after a watchdog cycle.
     * <p>
     * With a data directory, ZooKeeper comes back with the sessions of the previous run, and a run killed with kill -9
     * left its workers' ephemeral connected nodes behind: a worker whose id still has one waits for it to expire (up to
     * the session timeout, ~15 s: the guard against two workers with one id), and the first result of the resumed run
     * came that much later. These ids are this data directory's own and the run holds its lock ({@link DataDirLock}),
     * so such a node is a dead process's: removed before the workers start.
     */
    private void assignWorkers() {
        try {
            for (int i = 1; i <= settings.workers(); i++) {
                String id = "local-worker-" + i;
                if (settings.dataDir().isPresent()) {
                    zk.delete().quietly().forPath(ZkPaths.workerConnected(id));
                }
                zk.create().orSetData().creatingParentsIfNeeded().forPath(ZkPaths.workerQueue(id), ZkCodecs.text(OCR_STAGE));
                zk.create().orSetData().creatingParentsIfNeeded().forPath(ZkPaths.workerEnabled(id), ZkCodecs.text("true"));
                workerIds.add(id);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot assign the workers in ZooKeeper: " + e, e);
        }
    }

    /**
     * Starts each worker on a thread of its own ({@code WorkerMain.run}); a worker connects to RabbitMQ once the broker
     * is registered, then takes its stage.
     */
    private void startWorkers(Path state) {
        Path cache;
        Path ini = settings.workDir().resolve("worker.ini");
        try {
            cache = Files.createDirectories(state.resolve("worker-cache"));
            Files.writeString(ini, workerIni(cache), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the workers' configuration: " + e.getMessage(), e);
        }
        OcrProcessorFactory ocr = new OcrProcessorFactory(engines);
        for (String id : workerIds) {
            CompletableFuture<Integer> run = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    run.complete(WorkerMain.run(ocr, "-c", ini.toString(), "-i", id));
                } catch (Throwable e) {
                    run.completeExceptionally(e);
                }
            }, "pero-local-" + id);
            t.setDaemon(true);
            t.start();
            workerRuns.add(run);
        }
        if (!workerIds.isEmpty()) {
            daemons.add(new Named("workers", this::awaitWorkers));
        }
    }

    private String workerIni(Path cache) {
        return "[WORKER]\n"
                + "zookeeper_servers = " + zkAddress() + "\n"
                + "cache_dir = " + cache + "\n"
                + "log_queue = " + LOG_QUEUE + "\n"
                + "disable_remote_logging = false\n"
                // One page at a time per worker: pages take seconds, and a worker holding several leaves others idle.
                + "prefetch = 1\n";
    }

    /** {@code enabled=false} for every started worker (what {@code pero-controller -d} writes); they stop by themselves. */
    private void disableWorkers() {
        if (workerRuns.isEmpty() || zk == null || zk.getState() != CuratorFrameworkState.STARTED) {
            return;
        }
        for (String id : workerIds) {
            try {
                zk.create().orSetData().creatingParentsIfNeeded().forPath(ZkPaths.workerEnabled(id), ZkCodecs.text("false"));
            } catch (Exception e) {
                log.warn("cannot disable worker id={} cause={}", id, e.toString());
            }
        }
    }

    /** Waits for each worker told to stop by {@link #disableWorkers()} to finish. */
    private void awaitWorkers() {
        for (int i = 0; i < workerRuns.size(); i++) {
            try {
                int code = workerRuns.get(i).get(WORKER_STOP.toSeconds(), TimeUnit.SECONDS);
                if (code != 0) {
                    log.warn("worker ended with exit code id={} code={}", workerIds.get(i), code);
                }
            } catch (Exception e) {
                log.warn("worker did not stop cleanly id={} cause={}", workerIds.get(i), e.toString());
            }
        }
    }

    /** Workers that have ended on their own (a worker ends only when told to, or on a fatal error). */
    long workersEnded() {
        return workerRuns.stream().filter(CompletableFuture::isDone).count();
    }

    int workers() {
        return workerIds.size();
    }

    String zkAddress() {
        return HOST + ":" + zooKeeper.port();
    }

    int amqpPort() {
        return broker.port();
    }

    int sftpPort() {
        return sftp.port();
    }

    Path logDir() {
        return settings.dataDir().orElse(settings.workDir()).resolve("logs");
    }

    /**
     * The cluster's own AMQP connection (it declared the queues), for publishing pages and consuming results; closed
     * with the cluster, after the workers.
     */
    Connection connection() {
        return connection;
    }

    private <T extends AutoCloseable> T server(T server) {
        if (server != null) {
            servers.add(server);
        }
        return server;
    }

    private <T extends AutoCloseable> T client(T service) {
        if (service != null) {
            clients.add(service);
        }
        return service;
    }

    /** A port free on 127.0.0.1 now (as EmbeddedZooKeeper chooses its own). */
    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** Runs {@code start} on a thread of its own and logs how long it took. */
    private static <T> CompletableFuture<T> timed(String service, java.util.function.Supplier<T> start) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            long begin = System.nanoTime();
            try {
                result.complete(start.get());
                log.info("service started service={} took_ms={}", service, (System.nanoTime() - begin) / 1_000_000);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "pero-local-start-" + service);
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** The started server; its start failure as thrown. */
    private static <T> T join(CompletableFuture<T> start) {
        try {
            return start.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Checked exceptions of a start as unchecked ones, for {@link #timed}. */
    private static <T> T unchecked(java.util.concurrent.Callable<T> start) {
        try {
            return start.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Tells the workers to stop, then stops them, the watchdog, the log daemon and the clients side by side, then the
     * three servers side by side. Idempotent.
     *
     * <p>The log daemon stops beside the workers, not after them: lines the workers send while they stop and it no
     * longer reads stay in the log queue, which, like the log files, is kept only with a data directory, and there the
     * next run's log daemon drains them. Every line is also in the run's own log file.
     */
    @Override
    public synchronized void close() {
        disableWorkers();
        List<AutoCloseable> first = new ArrayList<>(daemons);
        first.addAll(clients);
        closeSideBySide(first);
        daemons.clear();
        clients.clear();
        closeSideBySide(List.copyOf(servers));
        servers.clear();
    }

    /** A service to stop with the name its log lines and stop thread carry. */
    private record Named(String name, AutoCloseable service) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            service.close();
        }
    }

    private static String nameOf(AutoCloseable service) {
        return service instanceof Named n ? n.name() : service.getClass().getSimpleName();
    }

    /** Closes each service on a thread of its own (the last one on this thread) and waits for all of them. */
    private static void closeSideBySide(List<AutoCloseable> services) {
        List<Thread> stopping = new ArrayList<>();
        for (int i = 0; i < services.size() - 1; i++) {
            AutoCloseable service = services.get(i);
            Thread t = new Thread(() -> closeQuietly(service), "pero-local-stop-" + nameOf(service));
            t.start();
            stopping.add(t);
        }
        if (!services.isEmpty()) {
            closeQuietly(services.get(services.size() - 1));
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(AutoCloseable service) {
        long begin = System.nanoTime();
        try {
            service.close();
            log.info("service stopped service={} took_ms={}", nameOf(service),
                    (System.nanoTime() - begin) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            log.warn("service did not stop cleanly service={} cause={}", nameOf(service), e.toString());
        }
    }
}
