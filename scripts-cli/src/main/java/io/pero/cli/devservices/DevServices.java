package io.pero.cli.devservices;

import io.pero.cli.ZkNodes;
import io.pero.common.config.Credentials;
import io.pero.common.net.ServerAddress;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ZkPaths;
import io.pero.common.zk.ZkSettings;
import io.pero.embedded.EmbeddedSftpServer;
import io.pero.embedded.EmbeddedZooKeeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local all-in-one environment: an in-JVM ZooKeeper and SFTP server, with the RabbitMQ broker, its management API and
 * the SFTP server registered in ZooKeeper so that workers and tools find them. RabbitMQ itself runs outside.
 */
public final class DevServices implements AutoCloseable {
    /** What to start and register. Port 0 picks a free port. */
    public record Settings(int zkPort, int sftpPort, Path sftpRoot, String sftpUser, String sftpPassword,
                           ServerAddress mqServer, ServerAddress monitoringServer) {
        @Override
        public String toString() {
            return "Settings[zkPort=" + zkPort + ", sftpPort=" + sftpPort + ", sftpRoot=" + sftpRoot + ", sftpUser=" + sftpUser
                    + ", mqServer=" + mqServer + ", monitoringServer=" + monitoringServer + "]";
        }
    }

    private enum State { LATENT, STARTED, CLOSED }

    private static final Logger log = LoggerFactory.getLogger(DevServices.class);
    private static final String LOCALHOST = "127.0.0.1";

    private final Settings settings;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedZooKeeper zooKeeper;
    private EmbeddedSftpServer sftp;

    public DevServices(Settings settings) {
        this.settings = settings;
    }

    public void start() throws Exception {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("dev services already started or closed");
        }
        try {
            zooKeeper = EmbeddedZooKeeper.start(settings.zkPort());
            started.add(zooKeeper);
            sftp = EmbeddedSftpServer.start(settings.sftpPort(), settings.sftpRoot(), settings.sftpUser(), settings.sftpPassword());
            started.add(sftp);
            register();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        log.info("dev services started zookeeper={} sftp={} sftp_root={}", zooKeeper.connectString(), sftpAddress(),
                settings.sftpRoot().toAbsolutePath());
    }

    private void register() throws Exception {
        ZkSettings zk = ZkSettings.of(List.of(ServerAddress.of(LOCALHOST, zooKeeper.port())), Credentials.none());
        try (CuratorFramework client = CuratorClients.startAndWait(zk, Duration.ofSeconds(20))) {
            ZkNodes nodes = new ZkNodes(client);
            nodes.ensure(ZkPaths.join(ZkPaths.MQ_SERVERS, settings.mqServer().znodeName()));
            nodes.ensure(ZkPaths.join(ZkPaths.MQ_MONITORING_SERVERS, settings.monitoringServer().znodeName()));
            nodes.ensure(ZkPaths.join(ZkPaths.FTP_SERVERS, sftpAddress().znodeName()));
            nodes.ensure(ZkPaths.QUEUES);
            nodes.ensure(ZkPaths.WORKER_STATUS);
        }
    }

    public String zooKeeperConnectString() {
        return zooKeeper.connectString();
    }

    public int zooKeeperPort() {
        return zooKeeper.port();
    }

    public ServerAddress sftpAddress() {
        return ServerAddress.of(LOCALHOST, sftp.port());
    }

    public Settings settings() {
        return settings;
    }

    /** Stops the SFTP server, then ZooKeeper (its in-memory data is gone). Idempotent. */
    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) == State.CLOSED) {
            return;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("dev service did not stop cleanly service={} cause={}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
        log.info("dev services stopped");
    }
}
