package io.pero.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The few RabbitMQ management HTTP API calls the tests need (vhost and permissions). */
final class ManagementApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    // HTTP/1.1: the management API (cowboy) may drop a request that asks to upgrade to h2c.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String authorization;

    ManagementApi(String host, int port, String user, String password) {
        this.baseUrl = "http://" + host + ":" + port + "/api";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** True when the API answers our credentials. */
    boolean answers() {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + "/overview")).GET()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    void ensureVhostWithPermissions(String vhost, String user) throws IOException {
        String v = encode(vhost);
        expectSuccess("create vhost " + vhost, put("/vhosts/" + v, "{}"));
        expectSuccess("grant user " + user + " on vhost " + vhost,
                put("/permissions/" + v + "/" + encode(user), "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"));
    }

    /** Creates or updates {@code user} (no tags) with full rights on {@code vhost}. */
    void ensureUser(String user, String password, String vhost) throws IOException {
        expectSuccess("create user " + user, put("/users/" + encode(user),
                "{\"password\":" + quote(password) + ",\"tags\":\"\"}"));
        expectSuccess("grant user " + user + " on vhost " + vhost, put("/permissions/" + encode(vhost) + "/" + encode(user),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"));
    }

    void deleteUser(String user) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/users/" + encode(user))).DELETE());
        if (response.statusCode() != 404) {
            expectSuccess("delete user " + user, response);
        }
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private HttpResponse<String> put(String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.header("Authorization", authorization).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted calling " + baseUrl, e);
        }
    }

    private void expectSuccess(String what, HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(what + " via " + baseUrl + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
