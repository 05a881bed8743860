package io.pero.cli.load;

import com.rabbitmq.client.Connection;
import io.pero.cli.CliCommand;
import io.pero.common.cli.CommandFailedException;
import io.pero.cli.ToolConnectionOptions;
import io.pero.cli.publish.MqServerSource;
import io.pero.cli.publish.RequestFactory;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.AmqpSettings;
import io.pero.common.mq.ConfirmingPublisher;
import io.pero.common.mq.PublishOutcome;
import io.pero.common.mq.QueueTopology;
import io.pero.common.net.ServerAddress;
import io.pero.proto.ProcessingRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pero-load}: publishes batches of requests with random payloads to the first stage, with confirms. */
@Command(name = "pero-load", usageHelpAutoWidth = true,
        description = "Synthetic load (dummy_msg_generator.py): every --interval seconds a batch of --number requests, each "
                + "with one result 'data' of random bytes, published to the first of --stages with publisher confirms; "
                + "--count batches (0: until Ctrl-C).")
public final class LoadCommand extends CliCommand {
    private static final Logger log = LoggerFactory.getLogger(LoadCommand.class);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(60);

    @Mixin
    ToolConnectionOptions connection;
    @Option(names = {"-s", "--mq-servers"}, arity = "1..*", paramLabel = "HOST[:PORT]",
            description = "RabbitMQ servers to use instead of those registered in ZooKeeper.")
    List<String> mqServers;
    @Option(names = {"-m", "--mq-list"}, paramLabel = "FILE", description = "File with RabbitMQ servers, one per line; overrides -s.")
    Path mqList;
    @Option(names = {"-t", "--stages"}, arity = "1..*", required = true, paramLabel = "STAGE",
            description = "Processing stages, the output queue last.")
    List<String> stages;
    @Option(names = "--size", defaultValue = "0", paramLabel = "BYTES", description = "Payload size (default: ${DEFAULT-VALUE}).")
    int size;
    @Option(names = "--size-delta", defaultValue = "0", paramLabel = "BYTES", description = "Payload size varies by up to this much.")
    int sizeDelta;
    @Option(names = "--size-range", arity = "2", paramLabel = "BYTES",
            description = "MIN MAX: payload size uniform in this range; overrides --size.")
    List<Integer> sizeRange;
    @Option(names = {"-n", "--number"}, defaultValue = "1", paramLabel = "N", description = "Requests per batch (default: ${DEFAULT-VALUE}).")
    int number;
    @Option(names = {"-i", "--interval"}, defaultValue = "0", paramLabel = "SECONDS",
            description = "Seconds between batches (default: ${DEFAULT-VALUE}).")
    double interval;
    @Option(names = {"-c", "--count"}, defaultValue = "0", paramLabel = "N", description = "Batches; 0 = until Ctrl-C (default).")
    long count;
    @Option(names = {"-y", "--priority"}, defaultValue = "0", description = "Request and message priority (default: 0).")
    int priority;

    private final PrintStream out;

    public LoadCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (number < 1 || count < 0 || interval < 0) {
            throw new ConfigException("--number must be >= 1, --count >= 0, --interval >= 0 (got " + number + ", " + count
                    + ", " + interval + ")");
        }
        MessageSizes sizes = MessageSizes.of(size, sizeDelta, sizeRange == null ? null : sizeRange.get(0),
                sizeRange == null ? null : sizeRange.get(1));
        List<ServerAddress> servers = new MqServerSource(mqServers, mqList, connection).resolve();
        AmqpSettings settings = new AmqpSettings(() -> servers, connection.credentials(), connection.checkHostname(),
                (int) Math.max(60, interval + 20)); // the original's heartbeat: interval + 20, at least 60
        SplittableRandom random = new SplittableRandom();
        RequestFactory requests = RequestFactory.system();
        long published = 0;
        long rejected = 0;
        try (Connection mq = new AmqpConnections(settings).open("pero-load:" + ProcessHandle.current().pid());
             ConfirmingPublisher publisher = new ConfirmingPublisher(mq.createChannel())) {
            for (long batch = 0; count == 0 || batch < count; batch++) {
                if (batch > 0 && interval > 0) {
                    TimeUnit.MILLISECONDS.sleep((long) (interval * 1000)); // the load's pacing, not a test wait
                }
                List<CompletableFuture<PublishOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < number; i++) {
                    byte[] payload = new byte[sizes.next(random)];
                    random.nextBytes(payload);
                    ProcessingRequest request = requests.create("data", payload, stages, priority);
                    outcomes.add(publisher.publish(stages.get(0), QueueTopology.taskProperties(priority), request.toByteArray()));
                }
                for (CompletableFuture<PublishOutcome> outcome : outcomes) {
                    if (outcome.get(CONFIRM_TIMEOUT.toSeconds(), TimeUnit.SECONDS) == PublishOutcome.CONFIRMED) {
                        published++;
                    } else {
                        rejected++;
                    }
                }
                log.info("batch published batch={} queue={} messages={}", batch + 1, stages.get(0), number);
            }
        }
        out.println("published " + published + " messages to " + stages.get(0)
                + (rejected > 0 ? ", " + rejected + " not accepted" : ""));
        if (rejected > 0) {
            throw new CommandFailedException("load: " + rejected + " messages not accepted by queue " + stages.get(0)
                    + " (does it exist? pero-stage-config -n " + stages.get(0) + ")");
        }
        return ExitCodes.OK;
    }
}
