package io.pero.cli.server;

import io.pero.cli.CliCommand;
import io.pero.cli.ToolConnectionOptions;
import io.pero.cli.ZkNodes;
import io.pero.common.config.ExitCodes;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ZkSettings;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pero-server-config}: the MQ, SFTP and monitoring server lists in ZooKeeper (spec §9.3). */
@Command(name = "pero-server-config", usageHelpAutoWidth = true,
        description = "Adds, removes and lists the RabbitMQ, SFTP (\"ftp\") and RabbitMQ management servers in ZooKeeper. "
                + "Order: remove, add, list. A bad entry is an error (exit 3) and nothing is changed.")
public final class ServerConfigCommand extends CliCommand {
    private static final Logger log = LoggerFactory.getLogger(ServerConfigCommand.class);

    @Spec
    CommandSpec spec;
    @Mixin
    ToolConnectionOptions connection;

    @Option(names = "--list-mq-servers", description = "List the RabbitMQ servers.")
    boolean listMq;
    @Option(names = "--list-ftp-servers", description = "List the SFTP servers.")
    boolean listFtp;
    @Option(names = "--list-monitoring-servers", description = "List the RabbitMQ management servers.")
    boolean listMonitoring;

    @Option(names = "--add-mq-servers", arity = "1..*", paramLabel = "HOST[:PORT]", description = "RabbitMQ servers to add.")
    List<String> addMq;
    @Option(names = "--add-ftp-servers", arity = "1..*", paramLabel = "HOST[:PORT]", description = "SFTP servers to add.")
    List<String> addFtp;
    @Option(names = "--add-monitoring-servers", arity = "1..*", paramLabel = "HOST[:PORT]",
            description = "RabbitMQ management servers to add.")
    List<String> addMonitoring;

    @Option(names = "--rm-mq-servers", arity = "0..*", paramLabel = "HOST[:PORT]|all",
            description = "RabbitMQ servers to remove; 'all' removes every one.")
    List<String> rmMq;
    @Option(names = "--rm-ftp-servers", arity = "0..*", paramLabel = "HOST[:PORT]|all",
            description = "SFTP servers to remove; 'all' removes every one.")
    List<String> rmFtp;
    @Option(names = "--rm-monitoring-servers", arity = "0..*", paramLabel = "HOST[:PORT]|all",
            description = "RabbitMQ management servers to remove; 'all' removes every one.")
    List<String> rmMonitoring;

    private final PrintStream out;

    public ServerConfigCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        List<ServerListChange> changes = ServerConfigPlanner.plan(List.of(
                new ServerConfigPlanner.Request(ServerListKind.MQ, rmMq, addMq, listMq),
                new ServerConfigPlanner.Request(ServerListKind.FTP, rmFtp, addFtp, listFtp),
                new ServerConfigPlanner.Request(ServerListKind.MONITORING, rmMonitoring, addMonitoring, listMonitoring)));
        if (changes.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "nothing to do: give --add-*, --rm-* or --list-* options");
        }
        ZkSettings settings = connection.zkSettings();
        try (CuratorFramework client = CuratorClients.startAndWait(settings, settings.connectionTimeout())) {
            ServerConfigApplier applier = new ServerConfigApplier(new ZkNodes(client));
            applier.apply(changes);
            print(applier.listings(changes));
        }
        return ExitCodes.OK;
    }

    private void print(Map<ServerListKind, List<String>> listings) {
        listings.forEach((kind, names) -> {
            out.println(kind.title() + ":");
            names.forEach(out::println);
            log.info("{} servers={}", kind.title(), names);
        });
    }
}
