package io.pero.logdaemon;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.AmqpSettings;
import io.pero.common.metrics.MetricsServer;
import io.pero.common.metrics.Readiness;
import io.pero.common.lifecycle.InterruptibleStart;
import io.pero.common.lifecycle.ShutdownSequence;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ServerListWatcher;
import io.pero.common.zk.ZkPaths;
import io.pero.common.zk.ZkSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running log daemon: output directory, ZooKeeper (for the MQ server list), one consuming AMQP connection, the
 * drainer and its flush/rotate timer. {@link #start()} fails with {@link ConfigException} (exit 3) or
 * {@link io.pero.common.config.ServiceUnavailableException} (exit 4); {@link #awaitExit()} blocks until
 * {@link #requestStop()} (exit 0) or a fatal failure (exit 1).
 */
final class LogDaemon implements AutoCloseable {
    static final Duration ZK_CONNECT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration MQ_STARTUP_WINDOW = Duration.ofSeconds(60);
    /** Upper bound on how long a written line waits for its ack, and on how late a due rotation happens. */
    static final Duration TICK = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(LogDaemon.class);

    private final LogDaemonConfig config;
    private final Clock clock;
    private final ShutdownSequence shutdown = new ShutdownSequence();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final AtomicInteger exitCode = new AtomicInteger(ExitCodes.OK);
    private final InterruptibleStart starting = new InterruptibleStart();

    LogDaemon(LogDaemonConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts draining; returns early, with nothing left running, if {@link #requestStop()} came first or came while it
     * was still waiting for ZooKeeper or the broker.
     */
    void start() throws Exception {
        if (!starting.begin()) {
            return;
        }
        try {
            startDraining();
        } catch (Exception e) {
            if (!starting.stopRequested()) {
                throw e;
            }
            log.info("start-up abandoned: stop requested while starting cause={}", e.toString());
        } finally {
            starting.end();
        }
    }

    private void startDraining() throws Exception {
        LogdMetrics metrics = new LogdMetrics(clock);
        Readiness readiness = new Readiness();
        if (config.metrics().enabled()) {
            shutdown.register("metrics endpoint", MetricsServer.start(config.metrics(), metrics.registry(), readiness));
        }
        RotatingFileSink sink = shutdown.register("log file", new RotatingFileSink(config.outputDir(), config.rotationPolicy(),
                clock, metrics));
        sink.start();
        CuratorFramework zk = shutdown.register("zookeeper", CuratorClients.startAndWait(zkSettings(), ZK_CONNECT_TIMEOUT));
        zk.getConnectionStateListenable().addListener((client, state) -> zookeeperStateChanged(state));
        readiness.require("zookeeper connected", () -> zk.getZookeeperClient().isConnected());
        ServerListWatcher mqServers = shutdown.register("mq server list", new ServerListWatcher(zk, ZkPaths.MQ_SERVERS));
        mqServers.start();
        mqServers.addListener(list -> log.info("mq server list changed servers={}", list));
        AmqpConnections connections = new AmqpConnections(new AmqpSettings(mqServers::current, config.credentials(),
                config.verifyHostname(), 60));
        Connection connection = new StartupConnector(connections, mqServers::current, MQ_STARTUP_WINDOW, stopSignal)
                .open("pero-logd:" + instanceId() + ":consume");
        if (connection == null) {
            return;
        }
        shutdown.register("amqp connection", connection);
        readiness.require("rabbitmq connected", connection::isOpen);
        watchConnection(connection);
        requireLogQueue(connection);
        LogQueueDrainer drainer = new LogQueueDrainer(connection.createChannel(), config.logQueue(), sink, this::fatal, metrics);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("ticker"));
        shutdown.add("ticker", timer::shutdownNow);
        shutdown.register("drainer", drainer);
        try {
            drainer.start();
        } catch (IOException e) {
            throw missingQueueOr(e);
        }
        readiness.require("draining " + config.logQueue(), () -> stopSignal.getCount() > 0);
        // why fixedDelay: a slow flush must not queue up ticks behind it.
        timer.scheduleWithFixedDelay(() -> tick(drainer, sink), TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        log.info("log daemon started queue={} output_dir={} rotation_period_s={} number_of_files={} zookeeper={}",
                config.logQueue(), config.outputDir().toAbsolutePath(), config.rotationPeriod().toSeconds(),
                config.numberOfFiles(), config.zookeeperServers());
    }

    /** Blocks until a stop is requested or draining fails; the exit code says which. */
    int awaitExit() throws InterruptedException {
        stopSignal.await();
        return exitCode.get();
    }

    void requestStop() {
        stopSignal.countDown();
        // Still waiting for ZooKeeper (up to 20 s while it is down): stop waiting.
        starting.stop();
    }

    /** Stops consuming, flushes and acks what was written, closes the file, then AMQP and ZooKeeper. Idempotent. */
    @Override
    public void close() {
        stopSignal.countDown();
        shutdown.close();
    }

    private void tick(LogQueueDrainer drainer, RotatingFileSink sink) {
        drainer.flushAndAck();
        try {
            sink.rotateIfDue();
        } catch (IOException e) {
            fatal("cannot close log file at rotation: " + e);
        }
    }

    private void fatal(String reason) {
        if (exitCode.compareAndSet(ExitCodes.OK, ExitCodes.FAILED)) {
            log.error("log daemon cannot continue, stopping; unacked lines stay in the queue reason={}", reason);
        }
        stopSignal.countDown();
    }

    private void requireLogQueue(Connection connection) throws IOException {
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclarePassive(config.logQueue());
        } catch (IOException e) {
            throw missingQueueOr(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("timed out closing the queue check channel", e);
        }
    }

    /** A 404 on the log queue is a configuration problem (exit 3); anything else stays an I/O failure. */
    private IOException missingQueueOr(IOException e) {
        if (e.getCause() instanceof ShutdownSignalException s && !s.isHardError()
                && s.getReason() instanceof com.rabbitmq.client.AMQP.Channel.Close close && close.getReplyCode() == 404) {
            throw new ConfigException("log queue '" + config.logQueue() + "' does not exist in vhost pero; create it with "
                    + "pero-stage-config -n " + config.logQueue());
        }
        return e;
    }

    private void watchConnection(Connection connection) {
        connection.addShutdownListener(cause -> {
            if (!cause.isInitiatedByApplication()) {
                log.warn("amqp connection lost, recovering; unacked lines will be redelivered cause={}", cause.getMessage());
            }
        });
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable r) {
                    log.info("amqp connection recovered, draining resumes queue={}", config.logQueue());
                }

                @Override
                public void handleRecoveryStarted(Recoverable r) {
                    log.debug("amqp connection recovery started");
                }
            });
        }
    }

    private void zookeeperStateChanged(ConnectionState state) {
        switch (state) {
            case SUSPENDED, LOST -> log.warn("zookeeper connection state={}; draining continues with the last mq server list", state);
            case RECONNECTED -> log.info("zookeeper connection state={}; mq server list is re-read", state);
            default -> log.debug("zookeeper connection state={}", state);
        }
    }

    private ZkSettings zkSettings() {
        return new ZkSettings(config.zookeeperServers(), config.credentials(), Duration.ofSeconds(30), ZK_CONNECT_TIMEOUT,
                config.verifyHostname());
    }

    static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
