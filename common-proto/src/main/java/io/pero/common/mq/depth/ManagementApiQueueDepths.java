package io.pero.common.mq.depth;

import io.pero.common.config.Credentials;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.mq.QueueTopology;
import io.pero.common.mq.management.ManagementQueues;
import io.pero.common.net.ServerAddress;
import io.pero.common.tls.PemTrust;
import io.pero.common.zk.ZkPaths;
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
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue depths from the RabbitMQ management API (shared by the watchdog and {@code pero-controller -q}) ({@code GET /api/queues/pero}), servers tried in ZooKeeper's order, the first
 * 2xx answer wins (spec §7.2). Basic auth with the configured user (guest/guest without one); https verified against the CA
 * when one is configured.
 */
public final class ManagementApiQueueDepths implements QueueDepthSource {
    public static final int DEFAULT_PORT = 15672;
    private static final Logger log = LoggerFactory.getLogger(ManagementApiQueueDepths.class);
    private static final String GUEST = "guest";

    private final Supplier<List<ServerAddress>> servers;
    /** Built on first use: see {@link #http()}. */
    private final HttpClient.Builder httpBuilder;
    private HttpClient http;
    private final String scheme;
    private final String authorization;
    private final Duration timeout;
    private volatile String lastAnswered;

    public ManagementApiQueueDepths(Supplier<List<ServerAddress>> servers, Credentials credentials, Duration timeout) {
        this.servers = servers;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        credentials.caCert().ifPresent(ca -> builder.sslContext(PemTrust.sslContext(ca)));
        this.httpBuilder = builder;
        this.scheme = credentials.caCert().isPresent() ? "https" : "http";
        String user = credentials.username().orElse(GUEST);
        String password = credentials.password().revealOr(GUEST);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<QueueDepth> read(List<String> stages) throws IOException {
        List<ServerAddress> candidates = servers.get();
        if (candidates.isEmpty()) {
            throw new ServiceUnavailableException("no RabbitMQ management server registered under " + ZkPaths.MQ_MONITORING_SERVERS);
        }
        List<String> failures = new ArrayList<>();
        for (ServerAddress server : candidates) {
            String base = scheme + "://" + server.hostPort(DEFAULT_PORT);
            // Differs from the original: only vhost pero is asked for (spec §12 item 6) and every request has a timeout (item 8).
            URI uri = URI.create(base + "/api/queues/" + QueueTopology.VHOST + "?columns=name,vhost,messages,messages_ready,messages_unacknowledged");
            try {
                HttpResponse<String> response = send(uri);
                if (response.statusCode() / 100 == 2) {
                    List<QueueDepth> depths = parse(base, response.body());
                    lastAnswered = base;
                    return depths;
                }
                failures.add(base + " (HTTP " + response.statusCode() + ")");
            } catch (IOException e) {
                log.debug("management API did not answer server={} cause={}", base, e.toString());
                failures.add(base + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
        }
        throw new ServiceUnavailableException("RabbitMQ management API unavailable: tried " + String.join(", ", failures));
    }

    /** The server whose answer the last successful {@link #read} used, e.g. {@code http://mq1:15672}. */
    public Optional<String> lastAnswered() {
        return Optional.ofNullable(lastAnswered);
    }

    private HttpResponse<String> send(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization)
                .header("Accept", "application/json").GET().build();
        try {
            return http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + uri.getHost(), e);
        }
    }

    /**
     * The HTTP client, built when the first request is made, not before: its selector thread waits in native code for
     * as long as the client exists (Java 17 cannot close it), and the JVM waits 300 ms at exit for threads in native
     * code. Where no management server is registered (pero-local, AMQP passive declares instead) none is built.
     */
    private synchronized HttpClient http() {
        if (http == null) {
            http = httpBuilder.build();
        }
        return http;
    }

    /**
     * Name, ready + unacknowledged and ready of each queue of vhost pero, in the broker's order.
     *
     * @throws IllegalArgumentException when the body is not a JSON array of queue objects
     */
    static List<QueueDepth> parse(String body) {
        return ManagementQueues.parseCounts(body).stream()
                .map(q -> new QueueDepth(q.name(), q.messages(), Math.min(q.ready(), q.messages()))).toList();
    }

    private static List<QueueDepth> parse(String base, String body) throws IOException {
        try {
            return parse(body);
        } catch (IllegalArgumentException e) {
            throw new IOException("management API at " + base + " answered an unexpected body: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient (Java 17) holds no resources that need closing.
    }
}
