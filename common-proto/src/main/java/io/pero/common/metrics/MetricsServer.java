package io.pero.common.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP endpoint: {@code /metrics} (Prometheus text format via the Prometheus client's {@link MetricsHandler}),
 * {@code /health} (200 while the process serves HTTP at all: a liveness probe) and {@code /ready} (200 when every
 * {@link Readiness} condition holds, else 503 naming the unmet ones). Two daemon threads answer; a scrape never touches
 * the processing threads.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts. {@code settings.port()} may be given as 0 only through {@link #start(InetSocketAddress, ...)}.
     *
     * @throws IOException when the address cannot be bound (in use, not local)
     */
    public static MetricsServer start(MetricsSettings settings, PrometheusRegistry registry, Readiness readiness)
            throws IOException {
        return start(settings.address(), registry, readiness);
    }

    /** As {@link #start(MetricsSettings, PrometheusRegistry, Readiness)}; port 0 picks a free port (tests). */
    public static MetricsServer start(InetSocketAddress address, PrometheusRegistry registry, Readiness readiness)
            throws IOException {
        HttpServer server = HttpServer.create(address, 8);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "pero-metrics-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", new MetricsHandler(registry));
        server.createContext("/health", exchange -> respond(exchange, 200, "ok\n"));
        server.createContext("/ready", exchange -> {
            List<String> unmet = readiness.unmet();
            respond(exchange, unmet.isEmpty() ? 200 : 503,
                    unmet.isEmpty() ? "ready\n" : "not ready: " + String.join(", ", unmet) + "\n");
        });
        server.start();
        MetricsServer started = new MetricsServer(server, executor);
        log.info("metrics endpoint listening address={}:{} paths=/metrics,/health,/ready",
                address.getHostString(), started.port());
        return started;
    }

    /** The bound port (the chosen one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
