package io.pero.common.mq;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.impl.recovery.RecordedBinding;
import com.rabbitmq.client.impl.recovery.RecordedConsumer;
import com.rabbitmq.client.impl.recovery.RecordedExchange;
import com.rabbitmq.client.impl.recovery.RecordedQueue;
import com.rabbitmq.client.impl.recovery.TopologyRecoveryFilter;
import io.pero.common.config.Credentials;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.net.ServerAddress;
import io.pero.common.tls.PemTrust;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens named AMQP connections to vhost {@code pero}: PLAIN auth, TLS from the CA PEM when set, servers tried in
 * list order, automatic and topology recovery on (recovery re-reads the server list). Recovery re-creates consumers
 * but does not re-declare queues: consume only from durable queues (all of {@link QueueTopology}'s are).
 */
public final class AmqpConnections {
    private static final Logger log = LoggerFactory.getLogger(AmqpConnections.class);

    /** The original's pika default when no username is given (spec §4.2). */
    static final String DEFAULT_USER = "guest";
    static final long NETWORK_RECOVERY_INTERVAL_MS = 5_000;
    /** Bounds the first connect to a silent host; refused ports fail at once anyway. */
    static final int CONNECTION_TIMEOUT_MS = 10_000;

    /**
     * Recovery re-creates consumers only. Stage queues are durable and outlive a broker restart; re-declaring them would
     * bring back a stage that {@code stage_config_manager -d} deleted meanwhile, and fails noisily for queues declared on
     * channels closed since.
     */
    private static final TopologyRecoveryFilter CONSUMERS_ONLY = new TopologyRecoveryFilter() {
        @Override
        public boolean filterExchange(RecordedExchange recordedExchange) {
            return false;
        }

        @Override
        public boolean filterQueue(RecordedQueue recordedQueue) {
            return false;
        }

        @Override
        public boolean filterBinding(RecordedBinding recordedBinding) {
            return false;
        }

        @Override
        public boolean filterConsumer(RecordedConsumer recordedConsumer) {
            return true;
        }
    };

    private final AmqpSettings settings;
    private final ConnectionFactory factory;

    public AmqpConnections(AmqpSettings settings) {
        this.settings = settings;
        this.factory = newFactory(settings);
    }

    private static ConnectionFactory newFactory(AmqpSettings settings) {
        Credentials credentials = settings.credentials();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setVirtualHost(QueueTopology.VHOST);
        factory.setUsername(credentials.username().orElse(DEFAULT_USER));
        factory.setPassword(credentials.password().revealOr(DEFAULT_USER));
        factory.setRequestedHeartbeat(settings.heartbeatSeconds());
        factory.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setTopologyRecoveryFilter(CONSUMERS_ONLY);
        factory.setNetworkRecoveryInterval(NETWORK_RECOVERY_INTERVAL_MS);
        credentials.caCert().ifPresent(ca -> {
            factory.useSslProtocol(PemTrust.sslContext(ca));
            if (settings.verifyHostname()) {
                // Differs from the original: the server host name is checked against its certificate (spec §12 item 18).
                factory.enableHostnameVerification();
            }
        });
        return factory;
    }

    /**
     * Opens a connection named {@code name} (shown in the management UI), trying every server once in order.
     *
     * @throws io.pero.common.config.ServiceUnavailableException naming every server tried when none accepts
     * @throws IOException on authentication failure or other non-retryable errors
     */
    public Connection open(String name) throws IOException {
        List<ServerAddress> servers = settings.servers().get();
        if (servers == null || servers.isEmpty()) {
            throw new ServiceUnavailableException("RabbitMQ unreachable: no servers configured");
        }
        ServerListAddressResolver resolver = new ServerListAddressResolver(settings.servers());
        List<String> failures = new ArrayList<>();
        for (ServerAddress server : servers) {
            Address address = ServerListAddressResolver.address(server);
            String hostPort = server.hostPort(AmqpSettings.DEFAULT_PORT);
            resolver.pin(address);
            try {
                Connection connection = factory.newConnection(null, resolver, name);
                log.info("connected to RabbitMQ name={} server={} user={} tls={}", name, hostPort,
                        factory.getUsername(), factory.isSSL());
                return connection;
            } catch (PossibleAuthenticationFailureException e) {
                throw new IOException("authentication refused for user " + factory.getUsername() + " at " + hostPort, e);
            } catch (IOException | TimeoutException e) {
                log.debug("cannot connect to RabbitMQ name={} server={} cause={}", name, hostPort, reason(e));
                failures.add(hostPort + " (" + reason(e) + closedHint(e) + ")");
            } finally {
                resolver.unpin();
            }
        }
        throw new ServiceUnavailableException("RabbitMQ unreachable: tried " + String.join(", ", failures));
    }

    /** A plaintext client to a TLS port sees the server hang up on its AMQP header: say what that usually means. */
    private String closedHint(Throwable e) {
        if (factory.isSSL()) {
            return "";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException || t instanceof java.net.SocketException) {
                return "; the server closed the connection during the AMQP handshake: if this port expects TLS, "
                        + "configure a CA certificate";
            }
        }
        return "";
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS handshake failed (is this a plaintext port? TLS is on because a CA certificate is configured): "
                        + t.getMessage();
            }
            if (t instanceof com.rabbitmq.client.MalformedFrameException) {
                // A TLS server answers a plain AMQP header with a TLS alert record (type 21), which is no AMQP frame.
                return "not an AMQP answer; the server probably expects TLS (configure a CA certificate): " + t.getMessage();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
