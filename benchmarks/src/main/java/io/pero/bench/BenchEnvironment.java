package io.pero.bench;

import com.rabbitmq.client.Connection;
import io.pero.common.config.Credentials;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.AmqpSettings;
import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ZkPaths;
import io.pero.common.zk.ZkSettings;
import io.pero.embedded.EmbeddedZooKeeper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZooKeeper (embedded unless one is given) with the broker listed under {@code mq_servers}, plus one AMQP connection for
 * setup, publishing and counting. {@link #close()} removes only what it added.
 */
final class BenchEnvironment implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BenchEnvironment.class);
    private static final Duration ZK_TIMEOUT = Duration.ofSeconds(20);

    private final EmbeddedZooKeeper embedded;
    private final String zkConnectString;
    private final CuratorFramework zk;
    private final AmqpConnections connections;
    private final Connection amqp;
    private final String addedMqServer;

    private BenchEnvironment(EmbeddedZooKeeper embedded, String zkConnectString, CuratorFramework zk,
                             AmqpConnections connections, Connection amqp, String addedMqServer) {
        this.embedded = embedded;
        this.zkConnectString = zkConnectString;
        this.zk = zk;
        this.connections = connections;
        this.amqp = amqp;
        this.addedMqServer = addedMqServer;
    }

    static BenchEnvironment open(Optional<String> zookeeper, ServerAddress mq) throws Exception {
        EmbeddedZooKeeper embedded = zookeeper.isEmpty() ? EmbeddedZooKeeper.start(0) : null;
        String connect = embedded != null ? embedded.connectString() : zookeeper.orElseThrow();
        CuratorFramework zk = null;
        try {
            List<ServerAddress> servers = ServerListParser.parseCommaSeparated(connect).orThrow();
            zk = CuratorClients.startAndWait(ZkSettings.of(servers, Credentials.none()), ZK_TIMEOUT);
            String mqNode = ZkPaths.join(ZkPaths.MQ_SERVERS, mq.znodeName());
            String added = null;
            if (zk.checkExists().forPath(mqNode) == null) {
                zk.create().creatingParentsIfNeeded().forPath(mqNode);
                added = mqNode;
            }
            if (zk.checkExists().forPath(ZkPaths.FTP_SERVERS) == null) {
                // The worker reads this list at startup; dummy stages need no SFTP, so it stays empty.
                zk.create().creatingParentsIfNeeded().forPath(ZkPaths.FTP_SERVERS);
            }
            AmqpConnections connections = new AmqpConnections(AmqpSettings.of(() -> List.of(mq), Credentials.none()));
            Connection amqp = connections.open("pero-bench:setup");
            return new BenchEnvironment(embedded, connect, zk, connections, amqp, added);
        } catch (Exception e) {
            if (zk != null) {
                zk.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    String zkConnectString() {
        return zkConnectString;
    }

    CuratorFramework zk() {
        return zk;
    }

    Connection amqp() {
        return amqp;
    }

    /** A further connection to the broker, e.g. for a client's publishing or consuming side; the caller closes it. */
    Connection connect(String name) throws IOException {
        return connections.open(name);
    }

    @Override
    public void close() {
        try {
            if (addedMqServer != null && embedded == null) {
                zk.delete().quietly().forPath(addedMqServer);
            }
        } catch (Exception e) {
            log.warn("cannot remove the mq server entry added for the benchmark node={} cause={}", addedMqServer, e.toString());
        }
        try {
            amqp.close();
        } catch (IOException | RuntimeException e) {
            log.warn("cannot close setup connection cause={}", e.toString());
        }
        zk.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
