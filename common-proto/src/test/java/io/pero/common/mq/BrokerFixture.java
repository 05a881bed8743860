package io.pero.common.mq;

import io.pero.common.config.Credentials;
import io.pero.common.config.Secret;
import io.pero.common.net.ServerAddress;
import io.pero.testing.TestBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Settings for the test broker, and the one broker-side failure the tests need: closing a connection. */
final class BrokerFixture {
    /** A connection's client-provided name, then its broker name ("name" follows "client_properties" in each object). */
    private static final Pattern CONNECTION = Pattern.compile(
            "\"connection_name\":\"([^\"]*)\".*?[{,]\"name\":\"([^\"]*)\"");

    private BrokerFixture() {
    }

    static ServerAddress brokerAddress() {
        return ServerAddress.of(TestBroker.get().host(), TestBroker.get().port());
    }

    static Credentials brokerCredentials() {
        TestBroker broker = TestBroker.get();
        return new Credentials(Optional.of(broker.username()), Secret.of(broker.password()), Optional.empty());
    }

    static AmqpSettings settings(List<ServerAddress> servers) {
        return new AmqpSettings(() -> servers, brokerCredentials(), true, 10);
    }

    /** A local port nobody listens on (free a moment ago). */
    static ServerAddress deadServer() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return ServerAddress.of("127.0.0.1", socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asks the broker (management API) to close the connection with this client-provided name, as an operator or a
     * broker restart would. False while the management API does not list the connection yet.
     */
    static boolean closeFromBroker(String connectionName) {
        TestBroker broker = TestBroker.get();
        broker.assumeRabbitMq("closing a connection from the broker side needs the RabbitMQ management API");
        if (broker.managementPort() < 0) {
            throw new IllegalStateException("the test broker has no management API");
        }
        String base = "http://" + broker.host() + ":" + broker.managementPort() + "/api/connections";
        try {
            String list = send(HttpRequest.newBuilder(URI.create(base + "?columns=name,client_properties.connection_name")).GET());
            Matcher m = CONNECTION.matcher(list);
            while (m.find()) {
                if (m.group(1).equals(connectionName)) {
                    send(HttpRequest.newBuilder(URI.create(base + "/" + URLEncoder.encode(m.group(2), StandardCharsets.UTF_8)
                            .replace("+", "%20"))).DELETE());
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        TestBroker broker = TestBroker.get();
        String auth = Base64.getEncoder().encodeToString(
                (broker.username() + ":" + broker.password()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                request.header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("management API " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
