package io.pero.watchdog;

import io.pero.common.cli.Failures;
import io.pero.common.lifecycle.InterruptibleStart;
import io.pero.common.lifecycle.ShutdownSequence;
import io.pero.common.config.ExitCodes;
import io.pero.common.metrics.MetricsServer;
import io.pero.common.metrics.Readiness;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.AmqpSettings;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ServerListWatcher;
import io.pero.common.zk.ZkPaths;
import io.pero.watchdog.apply.MoveApplier;
import io.pero.watchdog.apply.WorkerRemover;
import io.pero.watchdog.apply.WriteGuard;
import io.pero.watchdog.events.QueuePoller;
import io.pero.watchdog.events.ReplanTrigger;
import io.pero.watchdog.events.WorkerEvents;
import io.pero.watchdog.leader.WatchdogLeadership;
import io.pero.watchdog.plan.DeadWorkerSweep;
import io.pero.watchdog.plan.MoveHistory;
import io.pero.watchdog.plan.Plan;
import io.pero.watchdog.plan.Rebalancer;
import io.pero.common.mq.depth.AmqpQueueDepths;
import io.pero.common.mq.depth.FallbackQueueDepths;
import io.pero.common.mq.depth.FreshQueueDepths;
import io.pero.common.mq.depth.ManagementApiQueueDepths;
import io.pero.common.mq.depth.QueueDepthSource;
import io.pero.watchdog.read.SnapshotReader;
import io.pero.watchdog.read.ZkClusterReader;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires one watchdog from its configuration, runs it until shut down, and closes everything in reverse order. */
final class WatchdogDaemon {
    private static final Logger log = LoggerFactory.getLogger(WatchdogDaemon.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private final WatchdogConfig config;
    private final Clock clock;
    private final PrintStream out;
    private final String participantId;
    private final AtomicReference<Watchdog> loop = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean shutdownRequested;
    private final InterruptibleStart starting = new InterruptibleStart();
    private AmqpSettings amqp;
    private volatile int result = ExitCodes.FAILED;

    WatchdogDaemon(WatchdogConfig config, Clock clock, PrintStream out, String participantId) {
        this.config = config;
        this.clock = clock;
        this.out = out;
        this.participantId = participantId;
    }

    int run() {
        try {
            result = runAndClose();
            return result;
        } finally {
            finished.countDown();
        }
    }

    /** The exit code of {@link #run()} once it has returned. */
    int result() {
        return result;
    }

    private int runAndClose() {
        try (ShutdownSequence shutdown = new ShutdownSequence()) {
            return runWith(shutdown);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        } catch (Exception e) {
            if (starting.stopRequested()) {
                log.info("start-up abandoned: shutdown requested while starting cause={}", e.toString());
                return ExitCodes.OK;
            }
            return Failures.logged(log, "pero-watchdog", e);
        }
    }

    private int runWith(ShutdownSequence shutdown) throws Exception {
        if (!starting.begin()) {
            return ExitCodes.OK;
        }
        Watchdog watchdog;
        try {
            WatchdogMetrics metrics = new WatchdogMetrics();
            Readiness readiness = new Readiness();
            if (config.metrics().enabled() && !config.dryRun()) {
                shutdown.add("metrics endpoint", MetricsServer.start(config.metrics(), metrics.registry(), readiness)::close);
            }
            CuratorFramework zk = CuratorClients.startAndWait(config.zk(), CONNECT_TIMEOUT);
            shutdown.add("zookeeper client", zk::close);
            readiness.require("zookeeper connected", () -> zk.getZookeeperClient().isConnected());
            SnapshotReader reader = new SnapshotReader(new ZkClusterReader(zk), queueDepths(zk, shutdown), clock);
            if (config.dryRun()) {
                return dryRun(reader);
            }
            WriteGuard guard = guard(zk, shutdown);
            metrics.leader(guard::mayWrite);
            // RabbitMQ is read through the management API or AMQP per cycle; a cycle that could not read it counts as failed.
            readiness.require("last cycle read zookeeper and rabbitmq", metrics::lastCycleRead);
            ReplanTrigger trigger = new ReplanTrigger(config.eventDebounce());
            watchdog = new Watchdog(new Watchdog.Parts(reader, config.policy(), new MoveApplier(zk, guard),
                    new DisconnectedWorkers(new WorkerRemover(zk, guard), config.removeDeadAfter()), guard, metrics),
                    config.interval(), trigger);
            shutdown.add("scheduling loop", watchdog::close);
            startEventSources(zk, trigger, watchdog, shutdown);
            loop.set(watchdog);
            if (shutdownRequested) {
                return ExitCodes.OK;
            }
        } finally {
            starting.end();
        }
        log.info("watchdog started participant={} policy={} interval_s={} leader_election={} remove_dead_after={} zookeeper={} user={}",
                participantId, config.policyName(), config.interval().toSeconds(), config.leaderElection(),
                config.removeDeadAfter().map(Duration::toString).orElse("never"), config.zk().connectString(),
                config.credentials().username().orElse("(none)"));
        int code = watchdog.run();
        log.info("watchdog stopped participant={} exit_code={}", participantId, code);
        return code;
    }

    private QueueDepthSource queueDepths(CuratorFramework zk, ShutdownSequence shutdown) throws Exception {
        // Differs from the original: the monitoring-server node is only read, not created (ensure_path), by the watchdog.
        ServerListWatcher monitoring = new ServerListWatcher(zk, ZkPaths.MQ_MONITORING_SERVERS);
        monitoring.start();
        shutdown.add("monitoring server list", monitoring::close);
        ServerListWatcher brokers = new ServerListWatcher(zk, ZkPaths.MQ_SERVERS);
        brokers.start();
        shutdown.add("broker server list", brokers::close);
        this.amqp = new AmqpSettings(brokers::current, config.credentials(), config.zk().verifyHostname(), 60);
        AmqpQueueDepths passive = new AmqpQueueDepths(new AmqpConnections(amqp), "pero-watchdog:" + participantId + ":monitor");
        // The management API lists every queue and what workers hold; passive declares give the ready counts as of now.
        QueueDepthSource depths = new FreshQueueDepths(new FallbackQueueDepths(
                new ManagementApiQueueDepths(monitoring::current, config.credentials(), config.httpTimeout()), passive), passive);
        shutdown.add("queue depth sources", depths::close);
        return depths;
    }

    /** Re-plans soon after workers go idle, join or leave, and after stage queues fill or drain. */
    private void startEventSources(CuratorFramework zk, ReplanTrigger trigger, Watchdog watchdog, ShutdownSequence shutdown) {
        WorkerEvents workers = new WorkerEvents(zk, trigger);
        workers.start();
        shutdown.add("worker events", workers::close);
        if (!config.queuePollInterval().isZero()) {
            QueuePoller poller = new QueuePoller(new AmqpQueueDepths(new AmqpConnections(amqp),
                    "pero-watchdog:" + participantId + ":poll"), watchdog::stages, trigger);
            poller.start(config.queuePollInterval());
            shutdown.add("queue poller", poller::close);
        }
    }

    private WriteGuard guard(CuratorFramework zk, ShutdownSequence shutdown) throws Exception {
        if (!config.leaderElection()) {
            log.warn("leader election disabled: run no other watchdog against this ZooKeeper");
            return WriteGuard.ALWAYS;
        }
        WatchdogLeadership leadership = new WatchdogLeadership(zk, participantId);
        leadership.start();
        shutdown.add("leader latch", leadership::close);
        // A lone watchdog is confirmed within milliseconds; waiting briefly spares a misleading "standby" line at startup.
        leadership.awaitLeadership(Duration.ofSeconds(2));
        return leadership;
    }

    private int dryRun(SnapshotReader reader) throws Exception {
        ClusterSnapshot snapshot = reader.read();
        Plan plan = Rebalancer.plan(snapshot, MoveHistory.empty(), config.policy());
        DeadWorkerSweep.Result dead = DeadWorkerSweep.empty().sweep(snapshot, config.removeDeadAfter());
        out.print(PlanReport.dryRun(plan, dead.disconnected()));
        out.flush();
        return ExitCodes.OK;
    }

    /** Stops the loop (SIGTERM, tests) and waits up to {@code timeout} for {@link #run()} to return. */
    boolean requestShutdown(Duration timeout) throws InterruptedException {
        shutdownRequested = true;
        // A watchdog still waiting for ZooKeeper (up to 20 s while it is down) stops waiting.
        starting.stop();
        Watchdog current = loop.get();
        if (current != null) {
            current.close();
        }
        return finished.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
