package io.pero.worker;

import io.pero.common.cli.Failures;
import io.pero.common.config.ExitCodes;
import io.pero.common.logging.LogbackSetup;
import io.pero.common.metrics.MetricsServer;
import io.pero.common.metrics.Readiness;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.AmqpSettings;
import io.pero.common.sftp.SafeArchiveExtractor;
import io.pero.common.sftp.SftpModelStore;
import io.pero.common.sftp.SftpSettings;
import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ServerListWatcher;
import io.pero.common.zk.ZkPaths;
import io.pero.common.zk.ZkSettings;
import io.pero.worker.config.WorkerConfig;
import io.pero.worker.logging.LoggingSetup;
import io.pero.worker.logging.RemoteLogShipper;
import io.pero.worker.metrics.AvgMsgTimeReporter;
import io.pero.worker.metrics.WorkerMetrics;
import io.pero.worker.mq.MqLink;
import io.pero.worker.mq.TaskConsumers;
import io.pero.worker.processing.ProcessorFactory;
import io.pero.worker.processing.WorkerProcessorFactory;
import io.pero.common.lifecycle.InterruptibleStart;
import io.pero.common.lifecycle.ShutdownSequence;
import io.pero.worker.runtime.WorkerThreads;
import io.pero.worker.stage.ModelCache;
import io.pero.worker.stage.StageInstaller;
import io.pero.worker.stage.StageSwitcher;
import io.pero.worker.zk.AssignmentWatcher;
import io.pero.worker.zk.NextStageReporter;
import io.pero.worker.zk.StatusReporter;
import io.pero.worker.zk.WorkerRegistration;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One running worker: connects, registers, serves its assigned stage until asked to stop, then shuts down in order
 * (stop consuming and finish the message in hand → DEAD → close AMQP → close ZooKeeper). SIGTERM (via
 * {@link #requestShutdown}) and {@code enabled=false} take the same path.
 */
public final class WorkerDaemon {
    private static final Logger log = LoggerFactory.getLogger(WorkerDaemon.class);
    private static final Duration ZK_CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration ZK_SESSION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MQ_FIRST_CONNECT_WAIT = Duration.ofSeconds(10);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STATUS_WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STATS_DRAIN_TIMEOUT = Duration.ofSeconds(45);

    private final WorkerConfig config;
    private final ProcessorFactory ocrFactory;
    private final Clock clock;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger exitCode = new AtomicInteger(ExitCodes.OK);
    private volatile int result = ExitCodes.FAILED;
    private final InterruptibleStart starting = new InterruptibleStart();

    public WorkerDaemon(WorkerConfig config, ProcessorFactory ocrFactory, Clock clock) {
        this.config = config;
        this.ocrFactory = ocrFactory;
        this.clock = clock;
    }

    /** Asks the worker to stop; the first request's exit code wins. */
    public synchronized void requestShutdown(int code, String reason) {
        if (stopSignal.getCount() > 0) {
            exitCode.set(code);
            log.info("shutdown requested reason={}", reason);
            stopSignal.countDown();
            // A worker still waiting for ZooKeeper or the broker (up to 20 s each while they are down) stops waiting.
            starting.stop();
        }
    }

    /** Waits until {@link #run()} has returned or {@code timeout} passed. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The code {@link #run()} returned; meaningful once {@link #awaitFinished} says it finished. */
    public int result() {
        return result;
    }

    /** Runs the worker until it is shut down; returns the exit code. */
    public int run() {
        try {
            result = runUntilStopped();
            return result;
        } finally {
            finished.countDown();
        }
    }

    private int runUntilStopped() {
        ShutdownSequence shutdown = new ShutdownSequence();
        try {
            if (starting.begin()) {
                try {
                    start(shutdown);
                } finally {
                    starting.end();
                }
            }
            stopSignal.await();
            return exitCode.get();
        } catch (InterruptedException e) {
            if (starting.stopRequested()) {
                return exitCode.get();
            }
            Thread.currentThread().interrupt();
            return ExitCodes.FAILED;
        } catch (Exception e) {
            if (starting.stopRequested()) {
                log.info("start-up abandoned: shutdown requested while starting cause={}", e.toString());
                return exitCode.get();
            }
            // Differs from the original: exit code 4 (service unreachable, STYLE.md) where it exited with 1.
            return Failures.logged(log, "pero-worker", e);
        } finally {
            shutdown.close();
            MDC.remove("worker_id");
        }
    }

    private void start(ShutdownSequence shutdown) throws Exception {
        LogbackSetup.apply(config.logging());
        log.info("worker starting {}", config.summary());
        WorkerMetrics metrics = new WorkerMetrics(clock);
        Readiness readiness = new Readiness();
        if (config.metrics().enabled()) {
            // Before connecting: /health answers (and /ready says what is missing) while ZooKeeper is still unreachable.
            shutdown.add("metrics endpoint", MetricsServer.start(config.metrics(), metrics.registry(), readiness)::close);
        }
        CuratorFramework zk = CuratorClients.startAndWait(new ZkSettings(config.zookeeperServers(), config.credentials(),
                ZK_SESSION_TIMEOUT, ZK_CONNECT_TIMEOUT, config.verifyHostname(), config.zkAcl()), ZK_CONNECT_TIMEOUT);
        shutdown.add("zookeeper", zk::close);
        String id = config.workerId().isPresent() ? config.workerId().get() : WorkerRegistration.freshId(zk);
        MDC.put("worker_id", id);
        WorkerThreads threads = new WorkerThreads(id);
        ModelCache cache = ModelCache.open(config.cacheDirectory(), id, config.workerId().isPresent()
                ? ModelCache.Retention.PERSISTENT : ModelCache.Retention.DELETE_ON_CLOSE);
        shutdown.add("model cache", cache::close);
        WorkerRegistration registration = WorkerRegistration.register(zk, id, ZK_CONNECT_TIMEOUT);
        shutdown.add("registration", registration::close);
        ServerListWatcher mqServers = watch(zk, ZkPaths.MQ_SERVERS, shutdown);
        ServerListWatcher ftpServers = watch(zk, ZkPaths.FTP_SERVERS, shutdown);

        ExecutorService statusWriter = executor(threads.single("zk-writer"), "status writer", shutdown);
        StatusReporter status = new StatusReporter(zk, id, statusWriter);
        ScheduledExecutorService connector = executor(threads.scheduled("mq-connect"), "mq connector", shutdown);
        MqLink link = new MqLink(new AmqpConnections(new AmqpSettings(mqServers::current, config.credentials(),
                config.verifyHostname(), 60)), id, status, connector);
        shutdown.add("rabbitmq", link::close);
        mqServers.addListener(servers -> link.serversChanged());
        BooleanSupplier zkUp = () -> zk.getZookeeperClient().isConnected();
        BooleanSupplier mqUp = () -> link.links().map(l -> l.consume().isOpen() && l.publish().isOpen()).orElse(false);
        metrics.connectionStates(Map.of("zookeeper", zkUp, "rabbitmq", mqUp));
        readiness.require("zookeeper connected", zkUp).require("rabbitmq connected", mqUp)
                .require("stage configured", () -> metrics.currentStage().isPresent());
        startRemoteLogging(id, threads, link, shutdown);
        shutdown.add("summary", () -> log.info("worker stopped worker_id={} processed={} failed={} parked={} uptime_s={}",
                id, metrics.processedCount(), metrics.failedCount(), metrics.parkedCount(), metrics.uptime().toSeconds()));
        shutdown.add("status DEAD", () -> status.setAndWait(WorkerStatus.DEAD, STATUS_WRITE_TIMEOUT));
        AvgMsgTimeReporter stats = new AvgMsgTimeReporter(zk, id, threads.single("stats"));
        shutdown.add("statistics", () -> stats.drain(STATS_DRAIN_TIMEOUT));
        ExecutorService confirms = executor(threads.single("confirm"), "confirm handler", shutdown);
        ExecutorService control = executor(threads.single("control"), "control", shutdown);

        StageInstaller installer = new StageInstaller(zk, cache, new SftpModelStore(SftpSettings.of(ftpServers::current,
                config.credentials(), config.sftpKnownHosts()))::download, SafeArchiveExtractor::extract, metrics::modelDownloaded);
        StageSwitcher[] switcher = new StageSwitcher[1];
        TaskConsumers consumers = new TaskConsumers(
                new TaskConsumers.Limits(config.limits().prefetch(), config.limits().maxErrors(),
                        config.limits().maxDeliveries(), CONFIRM_TIMEOUT),
                new TaskConsumers.Parts(link, status, (c, s, r) -> switcher[0].consumingEnded(c, s, r), stats, threads,
                        confirms, metrics, clock),
                new NextStageReporter(zk, executor(threads.single("next-stages"), "next stages writer", shutdown))::record);
        switcher[0] = new StageSwitcher(new StageSwitcher.Parts(status, installer, new WorkerProcessorFactory(ocrFactory),
                consumers, clock, metrics), control, () -> requestShutdown(ExitCodes.OK, "enabled node is not true"),
                config.limits().shutdownTimeout());
        shutdown.add("stage consumer", () -> switcher[0].stop(config.limits().shutdownTimeout()));

        link.start(new MqLink.Listener() {
            @Override
            public void mqAvailable() {
                switcher[0].mqAvailable();
            }

            @Override
            public void mqRefused(String reason) {
                log.error("cannot use rabbitmq: {}", reason);
                requestShutdown(ExitCodes.BAD_CONFIG, reason);
            }
        });
        if (!link.awaitConnected(MQ_FIRST_CONNECT_WAIT)) {
            log.warn("rabbitmq not connected yet after {} s; serving a stage waits for it", MQ_FIRST_CONNECT_WAIT.toSeconds());
        }
        status.set(WorkerStatus.IDLE);
        AssignmentWatcher watcher = new AssignmentWatcher(zk, id, switcher[0], control);
        shutdown.add("assignment watcher", watcher::close);
        watcher.start();
        log.info("worker started worker_id={} cache={}", id, cache.base());
    }

    private void startRemoteLogging(String id, WorkerThreads threads, MqLink link, ShutdownSequence shutdown) {
        if (!config.remoteLogging()) {
            return;
        }
        LoggingSetup.attachRemote(id).ifPresent(appender -> {
            shutdown.add("remote log appender", () -> LoggingSetup.detach(appender));
            RemoteLogShipper shipper = new RemoteLogShipper(appender, config.logQueue(),
                    () -> link.links().map(MqLink.Links::publish), threads);
            shutdown.add("remote log shipper", shipper::close);
            shipper.start();
        });
    }

    private static ServerListWatcher watch(CuratorFramework zk, String path, ShutdownSequence shutdown) throws Exception {
        ServerListWatcher watcher = new ServerListWatcher(zk, path);
        watcher.start();
        shutdown.add("server list " + path, watcher::close);
        return watcher;
    }

    private static <E extends ExecutorService> E executor(E executor, String name, ShutdownSequence shutdown) {
        shutdown.add(name, () -> {
            executor.shutdown();
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        });
        return executor;
    }
}
