package io.pero.cli.control;

import io.pero.cli.CliCommand;
import io.pero.common.cli.CommandFailedException;
import io.pero.cli.ToolConnectionOptions;
import io.pero.cli.ZkNodes;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ZkPaths;
import io.pero.common.zk.ZkSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pero-controller} (spec §9.5). Writes run first (switch, shutdown, remove), then the reports (status, queues), so
 * a report shows the result. Unknown workers or stages fail that action only; the exit code is 1 if any action failed.
 */
// Differs from the original: there is no -c/--command (never implemented; it crashed, spec §12 item 15).
@Command(name = "pero-controller", usageHelpAutoWidth = true,
        description = "Shows workers and queues; switches, shuts down and removes workers.")
public final class ControllerCommand extends CliCommand {
    @Spec
    CommandSpec spec;
    @Mixin
    ToolConnectionOptions connection;

    @Option(names = {"-s", "--status"}, description = "Table of workers: status, assigned queue, connected, enabled.")
    boolean status;
    @Option(names = {"-q", "--queues"}, description = "Table of queues of vhost pero: messages and assigned workers.")
    boolean queues;
    @Option(names = {"-i", "--switch"}, arity = "2", paramLabel = "WORKER QUEUE", description = "Assign WORKER to stage QUEUE.")
    List<String> switchTo;
    @Option(names = {"-d", "--shutdown"}, arity = "1..*", paramLabel = "ID", description = "Ask workers to shut down (enabled=false).")
    List<String> shutdown;
    @Option(names = {"-r", "--remove"}, arity = "1..*", paramLabel = "ID", description = "Delete workers' records from ZooKeeper.")
    List<String> remove;
    @Option(names = "--http-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Timeout of each management API request (default: ${DEFAULT-VALUE}).")
    int httpTimeoutSeconds;

    private final PrintStream out;
    private final PrintStream err;

    public ControllerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (!status && !queues && switchTo == null && shutdown == null && remove == null) {
            throw new ParameterException(spec.commandLine(), "nothing to do: give -s, -q, -i, -d or -r");
        }
        if (httpTimeoutSeconds <= 0) {
            throw new ConfigException("--http-timeout " + httpTimeoutSeconds + ": must be a positive number of seconds");
        }
        ZkSettings settings = connection.zkSettings();
        List<String> failures = new ArrayList<>();
        try (CuratorFramework client = CuratorClients.startAndWait(settings, settings.connectionTimeout())) {
            ZkNodes zk = new ZkNodes(client);
            write(new WorkerControl(zk), failures);
            if (status) {
                out.print(StatusView.render(new WorkerRecords(zk).all()));
            }
            if (queues) {
                printQueues(zk);
            }
        }
        failures.forEach(f -> err.println("error: " + f));
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void write(WorkerControl control, List<String> failures) throws Exception {
        if (switchTo != null) {
            attempt(failures, () -> {
                control.switchTo(switchTo.get(0), switchTo.get(1));
                out.println("switched " + switchTo.get(0) + " to " + switchTo.get(1));
            });
        }
        for (String id : shutdown == null ? List.<String>of() : shutdown) {
            attempt(failures, () -> {
                control.shutdown(id);
                out.println("shutdown requested for " + id);
            });
        }
        for (String id : remove == null ? List.<String>of() : remove) {
            attempt(failures, () -> {
                boolean wasConnected = control.remove(id);
                out.println("removed " + id + (wasConnected ? " (it was still connected)" : ""));
            });
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void attempt(List<String> failures, Action action) throws Exception {
        try {
            action.run();
        } catch (CommandFailedException e) {
            failures.add(e.getMessage());
        }
    }

    private void printQueues(ZkNodes zk) throws Exception {
        List<String> stages = zk.children(ZkPaths.QUEUES);
        QueueDepthLookup.Result depths = new QueueDepthLookup(connection.credentials(), connection.checkHostname(),
                Duration.ofSeconds(httpTimeoutSeconds))
                .lookup(zk.servers(ZkPaths.MQ_MONITORING_SERVERS), zk.servers(ZkPaths.MQ_SERVERS), stages);
        out.print(QueueView.render(depths.depths(), new HashSet<>(stages), new WorkerRecords(zk).all()));
        err.println("queue depths from " + depths.source());
    }
}
