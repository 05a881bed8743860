package io.pero.cli.mq;

import io.pero.common.cli.CommandFailedException;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.tls.PemTrust;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The RabbitMQ management HTTP API on every registered monitoring server, as {@code mq_server_config_manager.py} uses
 * it: a write goes to all servers and fails if any refuses it; a read takes the first server that answers OK.
 */
final class ManagementClient {
    /** One answer: HTTP status and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final List<String> baseUrls;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;

    ManagementClient(List<String> baseUrls, String user, String password, Optional<Path> caCert, Duration timeout) {
        this.baseUrls = List.copyOf(baseUrls);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        // HTTP/1.1: the client's default h2c upgrade attempt on a request with a body makes the broker's server drop it.
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout);
        caCert.ifPresent(ca -> builder.sslContext(PemTrust.sslContext(ca)));
        this.http = builder.build();
        this.timeout = timeout;
    }

    /** GET from the first server that answers 2xx; {@code Optional.empty()} when that server says 404. */
    Optional<String> read(String path) {
        List<String> failures = new ArrayList<>();
        for (String base : baseUrls) {
            try {
                Answer a = send(base, "GET", path, null);
                if (a.ok()) {
                    return Optional.of(a.body());
                }
                if (a.status() == 404) {
                    return Optional.empty();
                }
                failures.add(base + " HTTP " + a.status() + " " + brief(a.body()));
            } catch (IOException e) {
                failures.add(base + " " + e);
            }
        }
        throw new ServiceUnavailableException("management API: GET " + path + " failed on every server: "
                + String.join("; ", failures));
    }

    /** PUT or DELETE on every server; fails naming each server that did not accept it. */
    void write(String method, String path, String json) {
        List<String> failures = new ArrayList<>();
        for (String base : baseUrls) {
            try {
                Answer a = send(base, method, path, json);
                if (!a.ok()) {
                    failures.add(base + " HTTP " + a.status() + " " + brief(a.body()));
                }
            } catch (IOException e) {
                throw new ServiceUnavailableException("management API at " + base + ": " + method + " " + path + ": " + e, e);
            }
        }
        if (!failures.isEmpty()) {
            throw new CommandFailedException("management API: " + method + " " + path + " refused: "
                    + String.join("; ", failures));
        }
    }

    private Answer send(String base, String method, String path, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Authorization", authorization);
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String brief(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
