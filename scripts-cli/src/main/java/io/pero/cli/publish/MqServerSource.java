package io.pero.cli.publish;

import io.pero.cli.ToolConnectionOptions;
import io.pero.common.net.ServerFiles;
import io.pero.cli.ZkNodes;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ZkPaths;
import io.pero.common.zk.ZkSettings;
import java.nio.file.Path;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;

/** Where the publisher finds RabbitMQ: {@code -m FILE}, else {@code -s}, else the servers registered in ZooKeeper. */
public final class MqServerSource {
    private final List<String> given;
    private final Path file;
    private final ToolConnectionOptions connection;

    public MqServerSource(List<String> given, Path file, ToolConnectionOptions connection) {
        this.given = given;
        this.file = file;
        this.connection = connection;
    }

    public List<ServerAddress> resolve() throws Exception {
        if (file != null) {
            return ServerFiles.read(file, "--mq-list");
        }
        if (given != null && !given.isEmpty()) {
            ServerListParser.Result parsed = ServerListParser.parse(given);
            if (!parsed.ok()) {
                throw new ConfigException("--mq-servers: " + String.join("; ", parsed.errors()));
            }
            return parsed.servers();
        }
        ZkSettings settings = connection.zkSettings();
        List<ServerAddress> registered;
        try (CuratorFramework client = CuratorClients.startAndWait(settings, settings.connectionTimeout())) {
            registered = new ZkNodes(client).servers(ZkPaths.MQ_SERVERS);
        }
        // Differs from the original: no servers is exit code 4 (unreachable), not 1.
        if (registered.isEmpty()) {
            throw new ServiceUnavailableException("publisher: no RabbitMQ servers: none given with -s/-m and none registered in "
                    + "ZooKeeper at " + ZkPaths.MQ_SERVERS + " (add one with pero-server-config --add-mq-servers HOST:PORT)");
        }
        return registered;
    }
}
