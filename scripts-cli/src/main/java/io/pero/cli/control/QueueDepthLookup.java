package io.pero.cli.control;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.pero.common.config.Credentials;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.mq.AmqpConnections;
import io.pero.common.mq.AmqpSettings;
import io.pero.common.mq.QueueTopology;
import io.pero.common.mq.management.ManagementQueues;
import io.pero.common.net.ServerAddress;
import io.pero.common.tls.PemTrust;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Queue depths of vhost pero: from the first RabbitMQ management server that answers ({@code GET /api/queues/pero}, basic
 * auth, https with the CA when one is given, a timeout on every request), else from AMQP passive declares of the stages.
 */
final class QueueDepthLookup {
    static final int MANAGEMENT_PORT = 15672;
    private static final String GUEST = "guest";
    private static final int NOT_FOUND = 404;

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
        List<String> failures = new ArrayList<>();
        String scheme = credentials.caCert().isPresent() ? "https" : "http";
        HttpClient http = httpClient();
        for (ServerAddress server : monitoring) {
            String base = scheme + "://" + server.hostPort(MANAGEMENT_PORT);
            try {
                HttpResponse<String> response = get(http, URI.create(base + "/api/queues/" + QueueTopology.VHOST
                        + "?columns=name,vhost,messages"));
                if (response.statusCode() / 100 == 2) {
                    return new Result(parse(base, response.body()), "management API at " + base);
                }
                failures.add(base + " (HTTP " + response.statusCode() + ")");
            } catch (IOException e) {
                failures.add(base + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (brokers.isEmpty()) {
            throw new ServiceUnavailableException("no queue depths: " + (monitoring.isEmpty()
                    ? "no management server and no RabbitMQ server registered in ZooKeeper"
                    : "management API unavailable (" + String.join(", ", failures) + ") and no RabbitMQ server registered"));
        }
        String why = monitoring.isEmpty() ? "no management server registered" : "management API unavailable";
        return new Result(passiveDeclares(brokers, stages), "AMQP passive declares, stage queues only, ready messages only (" + why + ")");
    }

    private HttpClient httpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        credentials.caCert().ifPresent(ca -> builder.sslContext(PemTrust.sslContext(ca)));
        return builder.build();
    }

    private HttpResponse<String> get(HttpClient http, URI uri) throws IOException {
        String user = credentials.username().orElse(GUEST);
        String password = credentials.password().revealOr(GUEST);
        // Differs from the original: without -u the API is asked as guest instead of crashing (spec §12 item 15).
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + uri.getHost(), e);
        }
    }

    static List<QueueView.Depth> parse(String base, String body) throws IOException {
        try {
            return ManagementQueues.parse(body).stream()
                    .map(q -> new QueueView.Depth(q.name(), q.messages())).toList();
        } catch (IllegalArgumentException e) {
            throw new IOException("management API at " + base + " answered an unexpected body: " + e.getMessage(), e);
        }
    }

    private List<QueueView.Depth> passiveDeclares(List<ServerAddress> brokers, List<String> stages) throws IOException {
        AmqpSettings settings = new AmqpSettings(() -> brokers, credentials, verifyHostname, 60);
        List<QueueView.Depth> depths = new ArrayList<>();
        try (Connection connection = new AmqpConnections(settings).open("pero-controller:" + ProcessHandle.current().pid() + ":inspect")) {
            Channel channel = connection.createChannel();
            for (String stage : stages) {
                if (!channel.isOpen()) {
                    channel = connection.createChannel();
                }
                try {
                    depths.add(new QueueView.Depth(stage, channel.queueDeclarePassive(stage).getMessageCount()));
                } catch (IOException e) {
                    if (!(e.getCause() instanceof ShutdownSignalException s && s.getReason() instanceof AMQP.Channel.Close c
                            && c.getReplyCode() == NOT_FOUND)) {
                        throw e;
                    }
                }
            }
        }
        return depths;
    }
}
