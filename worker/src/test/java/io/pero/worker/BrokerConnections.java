package io.pero.worker;

import io.pero.testing.TestBroker;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Closes a client's AMQP connection from the broker side (management API), as a broker restart or a network cut would. */
final class BrokerConnections {
    private static final Pattern NAME = Pattern.compile("\"name\":\"([^\"]+)\"");

    private BrokerConnections() {
    }

    /** Closes the connection whose client-provided name is {@code clientName}; true when one was found. */
    static boolean close(TestBroker broker, String clientName) throws Exception {
        broker.assumeRabbitMq("closing a connection from the broker side needs the RabbitMQ management API");
        if (broker.managementPort() < 0) {
            throw new IllegalStateException("the test broker has no management API; cannot close connections");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://" + broker.host() + ":" + broker.managementPort() + "/api/connections";
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (broker.username() + ":" + broker.password()).getBytes(StandardCharsets.UTF_8));
        String list = http.send(HttpRequest.newBuilder(URI.create(base + "?columns=name,user_provided_name"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String entry : list.split("\\},\\{")) {
            if (entry.contains("\"user_provided_name\":\"" + clientName + "\"")) {
                Matcher m = NAME.matcher(entry);
                if (m.find()) {
                    String name = URLEncoder.encode(m.group(1), StandardCharsets.UTF_8).replace("+", "%20");
                    int code = http.send(HttpRequest.newBuilder(URI.create(base + "/" + name)).header("Authorization", auth)
                            .DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    return code / 100 == 2;
                }
            }
        }
        return false;
    }
}
