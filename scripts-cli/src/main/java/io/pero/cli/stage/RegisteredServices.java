package io.pero.cli.stage;

import com.rabbitmq.client.Connection;
import io.pero.cli.ToolConnectionOptions;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.AmqpSettings;
import io.pero.common.net.ServerAddress;
import io.pero.common.sftp.SftpModelStore;
import io.pero.common.sftp.SftpSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** RabbitMQ and SFTP clients for the servers registered in ZooKeeper, with the command's credentials. */
final class RegisteredServices implements StageConfigApplier.Services {
    private final ToolConnectionOptions connection;
    private final Optional<Path> knownHosts;

    RegisteredServices(ToolConnectionOptions connection, Optional<Path> knownHosts) {
        this.connection = connection;
        this.knownHosts = knownHosts;
    }

    @Override
    public Connection openMq(List<ServerAddress> servers) throws IOException {
        AmqpSettings settings = new AmqpSettings(() -> servers, connection.credentials(), connection.checkHostname(), 60);
        return new AmqpConnections(settings).open("pero-stage-config:" + ProcessHandle.current().pid() + ":configure");
    }

    @Override
    public SftpModelStore sftp(List<ServerAddress> servers) {
        return new SftpModelStore(SftpSettings.of(() -> servers, connection.credentials(), knownHosts));
    }
}
