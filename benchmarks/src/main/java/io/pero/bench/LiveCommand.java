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

/** {@code pero-bench live}: a batch through a DUMMY pipeline rebalanced by the real watchdog, next to its simulation. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Starts in-JVM workers on stage 1 and the real watchdog (embedded ZooKeeper, RabbitMQ at --mq), publishes "
                + "--requests requests at once through --stages DUMMY stages, and prints the makespan to the last result in "
                + "the output queue, the lower bound, the count by uuid, and the simulator's makespan for the same scenario.")
final class LiveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--requests", defaultValue = "300", description = "requests published at once (default ${DEFAULT-VALUE}, at most 5000)")
    int requests;

    @Option(names = "--workers", defaultValue = "3", description = "in-JVM workers (default ${DEFAULT-VALUE}, at most 8)")
    int workers;

    @Option(names = "--stages", defaultValue = "3", description = "DUMMY stages in a row (default ${DEFAULT-VALUE}, at most 6)")
    int stages;

    @Option(names = "--ms", defaultValue = "50", description = "milliseconds per message at each stage (default ${DEFAULT-VALUE})")
    int millis;

    @Mixin
    BrokerOptions brokerOptions = new BrokerOptions();

    @Option(names = "--timeout", defaultValue = "180", paramLabel = "SECONDS",
            description = "give up when not all results are out after this long (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || requests > 5000 || workers < 1 || workers > 8 || stages < 1 || stages > 6 || millis < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--requests 1..5000, --workers 1..8, --stages 1..6, --ms >= 1");
        }
        ServerAddress broker = brokerOptions.broker();
        Optional<ServerAddress> api = brokerOptions.managementApi();
        PrintWriter out = spec.commandLine().getOut();
        try (BenchEnvironment env = BenchEnvironment.open(Optional.empty(), broker)) {
            LiveBenchmark.Result r = LiveBenchmark.run(env, new LiveBenchmark.Params(requests, workers, stages, millis / 1000.0,
                    api, Duration.ofSeconds(timeoutSeconds)));
            r.report().forEach(out::println);
            out.flush();
            return r.complete() ? 0 : 1;
        }
    }
}
