package io.pero.cli.devservices;

import io.pero.cli.CliCommand;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import io.pero.embedded.EmbeddedZooKeeper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pero-dev-services}: ZooKeeper and SFTP in one process for the local walkthrough, until Ctrl-C or SIGTERM. */
@Command(name = "pero-dev-services", usageHelpAutoWidth = true,
        description = "Starts an in-memory ZooKeeper and an SFTP server and registers them, the RabbitMQ broker and its "
                + "management API in ZooKeeper, then runs until Ctrl-C or SIGTERM. RabbitMQ must run separately "
                + "(vhost 'pero'). ZooKeeper data is lost when it stops.")
public final class DevServicesCommand extends CliCommand {
    private static final Logger log = LoggerFactory.getLogger(DevServicesCommand.class);
    private static final int PROBE_TIMEOUT_MS = 1000;

    @Option(names = "--zk-port", defaultValue = "2181", description = "ZooKeeper client port (default: ${DEFAULT-VALUE}).")
    int zkPort;
    @Option(names = "--sftp-port", defaultValue = "2222", description = "SFTP port (default: ${DEFAULT-VALUE}).")
    int sftpPort;
    @Option(names = "--sftp-root", defaultValue = "./work-local/sftp", paramLabel = "DIR",
            description = "Directory the SFTP server serves (default: ${DEFAULT-VALUE}); model paths are relative to it.")
    Path sftpRoot;
    @Option(names = "--sftp-user", defaultValue = "pero", description = "SFTP user (default: ${DEFAULT-VALUE}).")
    String sftpUser;
    @Option(names = "--sftp-password", defaultValue = "${env:PERO_DEV_SFTP_PASSWORD:-pero}",
            description = "SFTP password (default: pero, the password every tool uses when no -u is given; env PERO_DEV_SFTP_PASSWORD).")
    String sftpPassword;
    @Option(names = "--mq-server", defaultValue = "127.0.0.1:5672", paramLabel = "HOST[:PORT]",
            description = "RabbitMQ broker to register (default: ${DEFAULT-VALUE}).")
    String mqServer;
    @Option(names = "--monitoring-server", defaultValue = "127.0.0.1:15672", paramLabel = "HOST[:PORT]",
            description = "RabbitMQ management API to register (default: ${DEFAULT-VALUE}).")
    String monitoringServer;

    private final PrintStream out;
    private final CountDownLatch stop;

    public DevServicesCommand(PrintStream out, CountDownLatch stop) {
        this.out = out;
        this.stop = stop;
    }

    @Override
    public Integer call() throws Exception {
        DevServices.Settings settings = new DevServices.Settings(port("--zk-port", zkPort), port("--sftp-port", sftpPort),
                sftpRoot, sftpUser, sftpPassword, server("--mq-server", mqServer), server("--monitoring-server", monitoringServer));
        try (DevServices services = new DevServices(settings)) {
            try {
                services.start();
            } catch (EmbeddedZooKeeper.PortInUseException e) {
                throw new ConfigException("--zk-port " + e.port() + ": " + e.getMessage(), e);
            }
            printBanner(services);
            warnIfNothingListens(settings.mqServer(), 5672, "RabbitMQ");
            stop.await();
        }
        return ExitCodes.OK;
    }

    private void printBanner(DevServices s) {
        out.println("pero-dev-services running (Ctrl-C to stop)");
        out.println("  ZooKeeper   127.0.0.1:" + s.zooKeeperPort() + "  (in memory: data is lost on exit)");
        out.println("  SFTP        " + s.sftpAddress() + "  root=" + sftpRoot.toAbsolutePath().normalize() + " user=" + sftpUser);
        out.println("  registered  mq_servers=" + s.settings().mqServer() + " mq_monitoring_servers="
                + s.settings().monitoringServer() + " ftp_servers=" + s.sftpAddress());
        out.flush();
    }

    private static void warnIfNothingListens(ServerAddress server, int defaultPort, String what) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.portOr(defaultPort)), PROBE_TIMEOUT_MS);
        } catch (IOException e) {
            log.warn("{} not reachable yet address={}; start it before workers and tools (see README)", what, server.hostPort(defaultPort));
        }
    }

    private static int port(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigException(option + " " + port + ": not a port (0..65535; 0 picks a free one)");
        }
        return port;
    }

    private static ServerAddress server(String option, String value) {
        try {
            return ServerListParser.parseOne(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option + " '" + value + "': " + e.getMessage(), e);
        }
    }
}
