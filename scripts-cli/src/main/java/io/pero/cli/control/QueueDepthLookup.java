package io.pero.cli.control;

import io.pero.common.config.Credentials;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.AmqpSettings;
import io.pero.common.mq.depth.AmqpQueueDepths;
import io.pero.common.mq.depth.ManagementApiQueueDepths;
import io.pero.common.mq.depth.QueueDepth;
import io.pero.common.net.ServerAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Queue depths of vhost pero: from the first RabbitMQ management server that answers ({@code GET /api/queues/pero}, basic
 * auth, https with the CA when one is given, a timeout on every request), else from AMQP passive declares of the stages.
 * The readers are the ones the watchdog uses ({@link io.pero.common.mq.depth}); this class only words the outcome.
 */
final class QueueDepthLookup {
    static final int MANAGEMENT_PORT = ManagementApiQueueDepths.DEFAULT_PORT;

    /** The depths and where they came from, for the user. */
    record Result(List<QueueView.Depth> depths, String source) {
    }

    private final Credentials credentials;
    private final boolean verifyHostname;
    private final Duration timeout;

    QueueDepthLookup(Credentials credentials, boolean verifyHostname, Duration timeout) {
        this.credentials = credentials;
        this.verifyHostname = verifyHostname;
        this.timeout = timeout;
    }

    Result lookup(List<ServerAddress> monitoring, List<ServerAddress> brokers, List<String> stages) throws IOException {
        String failure = null;
        if (!monitoring.isEmpty()) {
            // Differs from the original: without -u the API is asked as guest instead of crashing (spec §12 item 15).
            try (ManagementApiQueueDepths api = new ManagementApiQueueDepths(() -> monitoring, credentials, timeout)) {
                List<QueueView.Depth> depths = views(api.read(stages));
                return new Result(depths, "management API at " + api.lastAnswered().orElse("?"));
            } catch (IOException e) {
                failure = e.getMessage();
            }
        }
        if (brokers.isEmpty()) {
            throw new ServiceUnavailableException("no queue depths: " + (monitoring.isEmpty()
                    ? "no management server and no RabbitMQ server registered in ZooKeeper"
                    : failure + "; and no RabbitMQ server registered"));
        }
        String why = monitoring.isEmpty() ? "no management server registered" : "management API unavailable";
        AmqpSettings settings = new AmqpSettings(() -> brokers, credentials, verifyHostname, 60);
        try (AmqpQueueDepths amqp = new AmqpQueueDepths(new AmqpConnections(settings),
                "pero-controller:" + ProcessHandle.current().pid() + ":inspect")) {
            return new Result(views(amqp.read(stages)),
                    "AMQP passive declares, stage queues only, ready messages only (" + why + ")");
        }
    }

    private static List<QueueView.Depth> views(List<QueueDepth> depths) {
        return depths.stream().map(d -> new QueueView.Depth(d.name(), d.messages())).toList();
    }
}
