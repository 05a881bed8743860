package io.pero.logdaemon;

import io.pero.testing.TestBroker;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Closes client connections from the broker side through the management API, as an operator or a broker restart would. */
final class BrokerConnections {
    private static final Pattern ENTRY = Pattern.compile("\\{\"name\":\"([^\"]+)\",\"user_provided_name\":\"([^\"]*)\"\\}");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String auth;

    BrokerConnections(TestBroker broker) {
        this.base = "http://" + broker.host() + ":" + broker.managementPort() + "/api";
        this.auth = "Basic " + Base64.getEncoder().encodeToString((broker.username() + ":" + broker.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Broker-side names of the open connections whose client-given name starts with {@code prefix}. */
    List<String> named(String prefix) throws IOException, InterruptedException {
        String body = send(HttpRequest.newBuilder(URI.create(base + "/connections?columns=name,user_provided_name")).GET());
        List<String> names = new ArrayList<>();
        Matcher m = ENTRY.matcher(body);
        while (m.find()) {
            if (m.group(2).startsWith(prefix)) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    void close(String serverName) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(base + "/connections/" + URLEncoder.encode(serverName, StandardCharsets.UTF_8)
                .replace("+", "%20"))).header("X-Reason", "test: simulated broker-side close").DELETE());
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.header("Authorization", auth).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("management API " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
