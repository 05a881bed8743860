package io.pero.bench;

import io.pero.common.net.ServerAddress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pero-bench faults}: the fault-injection soak (kills, broker, ZooKeeper and SFTP outages), counted by uuid. */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "Sends --requests requests through a two-stage DUMMY pipeline with model archives on an embedded SFTP "
                + "server, worker processes scheduled by the real watchdog (embedded ZooKeeper, RabbitMQ at --mq), while "
                + "killing workers -9 (restarted under the same ids), restarting the broker (rabbitmqctl stop_app/start_app) "
                + "and ZooKeeper, and taking SFTP down across a stage switch; prints received, duplicates, lost, stuck and "
                + "parked requests. Exit code 1 unless nothing was lost, stuck or parked and duplicates stayed below --max-duplicates.")
final class FaultsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--requests", defaultValue = "2000", description = "requests (default ${DEFAULT-VALUE}, at most 20000)")
    int requests;

    @Option(names = "--kills", defaultValue = "8", description = "kill -9 of a random worker, restarted at once (default ${DEFAULT-VALUE})")
    int kills;

    @Option(names = "--workers", defaultValue = "4", description = "worker processes (default ${DEFAULT-VALUE}, 2..8)")
    int workers;

    @Option(names = "--ms", defaultValue = "10", description = "milliseconds per message at each stage (default ${DEFAULT-VALUE})")
    int millis;

    @Mixin
    BrokerOptions brokerOptions = new BrokerOptions();

    @Option(names = "--rabbitmqctl", defaultValue = "rabbitmqctl", paramLabel = "COMMAND",
            description = "restarts the broker once (stop_app, start_app); 'none' = no broker restart (default ${DEFAULT-VALUE})")
    String rabbitmqctl;

    @Option(names = "--zk-outage", defaultValue = "3", paramLabel = "SECONDS", description = "ZooKeeper down this long (default ${DEFAULT-VALUE})")
    long zkOutage;

    @Option(names = "--sftp-outage", defaultValue = "15", paramLabel = "SECONDS",
            description = "SFTP down at least this long, and until a worker failed the switch (default ${DEFAULT-VALUE})")
    long sftpOutage;

    @Option(names = "--max-gap", defaultValue = "20", paramLabel = "SECONDS",
            description = "a fault comes once 10-60 %% of the batch before it reached the output, or after this long (default ${DEFAULT-VALUE})")
    long maxGapSeconds;

    @Option(names = "--keep-logs", description = "keep the worker logs also when the run passes (they are kept when it fails)")
    boolean keepLogs;

    @Option(names = "--drain-timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "after the last fault, wait at most this long for every request to reach the output (default ${DEFAULT-VALUE})")
    long drainSeconds;

    @Option(names = "--seed", description = "seed of the fault schedule (default: random, printed)")
    Long seed;

    @Option(names = "--max-duplicates", defaultValue = "1.0", paramLabel = "PERCENT", description = "duplicates allowed, in percent (default ${DEFAULT-VALUE})")
    double maxDuplicates;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || requests > 20000 || kills < 0 || workers < 2 || workers > 8 || millis < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--requests 1..20000, --kills >= 0, --workers 2..8, --ms >= 0");
        }
        BrokerRestart broker;
        if (rabbitmqctl.equals("none")) {
            broker = BrokerRestart.none("--rabbitmqctl none");
        } else if (!BrokerRestart.rabbitmqctlWorks(rabbitmqctl)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "'" + rabbitmqctl
                    + " -q status' fails here: run as root on the broker's machine, or pass --rabbitmqctl none");
        } else {
            broker = BrokerRestart.rabbitmqctl(rabbitmqctl);
        }
        ServerAddress address = brokerOptions.broker();
        Optional<ServerAddress> api = brokerOptions.managementApi();
        long s = seed != null ? seed : System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        FaultSuite.Result r = FaultSuite.run(address, new FaultSuite.Params(requests, kills, workers, millis, broker, api,
                Duration.ofSeconds(zkOutage), Duration.ofSeconds(sftpOutage), Duration.ofSeconds(maxGapSeconds),
                Duration.ofSeconds(drainSeconds), s, maxDuplicates, keepLogs), out);
        r.report().forEach(out::println);
        out.flush();
        return r.passes() ? 0 : 1;
    }
}
