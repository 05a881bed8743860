package io.pero.common.zk;

import io.pero.common.config.ConfigException;
import io.pero.common.config.Credentials;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.net.ServerAddress;
import io.pero.common.net.TlsProbe;
import io.pero.common.tls.PemTrust;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.StandardConnectionStateErrorPolicy;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.utils.ConfigurableZookeeperFactory;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.client.ZKClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that builds {@link CuratorFramework} clients: timeouts, bounded exponential retry,
 * DIGEST-MD5 SASL when a username is set, TLS (Netty socket, truststore from the CA PEM) when a CA is set.
 * SASL and TLS go into the client's own {@link ZKClientConfig}, never into system properties, so clients with
 * different settings can live in one JVM.
 */
public final class CuratorClients {
    private static final Logger log = LoggerFactory.getLogger(CuratorClients.class);

    static final String SSL_TRUSTSTORE_LOCATION = "zookeeper.ssl.trustStore.location";
    static final String SSL_TRUSTSTORE_TYPE = "zookeeper.ssl.trustStore.type";
    static final String SSL_HOSTNAME_VERIFICATION = "zookeeper.ssl.hostnameVerification";
    static final String NETTY_SOCKET = "org.apache.zookeeper.ClientCnxnSocketNetty";

    private static final int RETRY_BASE_SLEEP_MS = 500;
    private static final int RETRY_MAX_SLEEP_MS = 5_000;
    private static final int RETRY_MAX_RETRIES = 5;
    private static final Duration TLS_PROBE_TIMEOUT = Duration.ofSeconds(2);

    private CuratorClients() {
    }

    /**
     * A client, not yet started.
     *
     * @throws ConfigException when creator-only ACLs are asked for without a username (there is no creator to name)
     */
    public static CuratorFramework newClient(ZkSettings settings) {
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder();
        if (settings.acl() == ZkAcl.CREATOR) {
            if (settings.credentials().username().isEmpty()) {
                throw new ConfigException("zk_acl=creator needs a username: the znodes belong to the SASL user that "
                        + "creates them");
            }
            builder.aclProvider(settings.acl().provider());
        }
        return builder
                .connectString(settings.connectString())
                .sessionTimeoutMs(millis(settings.sessionTimeout()))
                .connectionTimeoutMs(millis(settings.connectionTimeout()))
                .retryPolicy(new ExponentialBackoffRetry(RETRY_BASE_SLEEP_MS, RETRY_MAX_RETRIES, RETRY_MAX_SLEEP_MS))
                // SUSPENDED already counts as lost: recipes (leader latch) give up their role at once.
                .connectionStateErrorPolicy(new StandardConnectionStateErrorPolicy())
                // The default factory ignores the ZKClientConfig; this one hands it to every ZooKeeper handle.
                .zookeeperFactory(new ConfigurableZookeeperFactory())
                .zkClientConfig(clientConfig(settings))
                .build();
    }

    /**
     * Starts a client and waits until it is connected.
     *
     * @throws ServiceUnavailableException naming the servers when no connection is made within {@code timeout}
     * @throws ConfigException when the server refuses the SASL login
     */
    public static CuratorFramework startAndWait(ZkSettings settings, Duration timeout) {
        CuratorFramework client = newClient(settings);
        client.start();
        boolean connected;
        try {
            connected = client.blockUntilConnected(millis(timeout), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new ServiceUnavailableException("interrupted while connecting to ZooKeeper at " + settings.connectString(), e);
        }
        if (!connected) {
            client.close();
            throw new ServiceUnavailableException(unreachableMessage(settings, timeout, probeTls(settings)));
        }
        settings.credentials().username().ifPresent(user -> requireAuthenticated(client, settings, user));
        log.info("connected to ZooKeeper servers={} sasl={} tls={} acl={}", settings.connectString(),
                settings.credentials().username().isPresent(), settings.credentials().caCert().isPresent(),
                settings.acl().name().toLowerCase(java.util.Locale.ROOT));
        return client;
    }

    /**
     * The session is connected before SASL completes; the first request waits for the outcome, so a refused login is
     * reported here rather than by whatever request the caller makes first.
     */
    private static void requireAuthenticated(CuratorFramework client, ZkSettings settings, String user) {
        try {
            client.checkExists().forPath("/");
        } catch (KeeperException.AuthFailedException e) {
            client.close();
            throw new ConfigException("ZooKeeper authentication refused for user " + user + " at " + settings.connectString(), e);
        } catch (Exception e) {
            client.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ServiceUnavailableException("ZooKeeper at " + settings.connectString() + " failed after connecting: " + e, e);
        }
    }

    /** Whether each server port speaks TLS, to explain a connection that never came up. */
    private static Map<ServerAddress, TlsProbe.Answer> probeTls(ZkSettings settings) {
        Map<ServerAddress, TlsProbe.Answer> answers = new LinkedHashMap<>();
        for (ServerAddress server : settings.servers()) {
            answers.put(server, TlsProbe.probe(server, ZkSettings.DEFAULT_PORT, TLS_PROBE_TIMEOUT));
        }
        return answers;
    }

    /**
     * Why no connection came up: unreachable, plus, for a server that answered, a TLS mismatch (the ZooKeeper client
     * itself only reports a closed connection and retries, so without this a TLS client at the plaintext port, or a
     * plaintext client at the secure port, just looks like a dead server).
     */
    static String unreachableMessage(ZkSettings settings, Duration timeout, Map<ServerAddress, TlsProbe.Answer> answers) {
        StringBuilder message = new StringBuilder("ZooKeeper unreachable at " + settings.connectString()
                + " after " + Math.max(1, timeout.toSeconds()) + " s");
        boolean tls = settings.credentials().caCert().isPresent();
        answers.forEach((server, answer) -> {
            String at = server.hostPort(ZkSettings.DEFAULT_PORT);
            if (tls && answer == TlsProbe.Answer.NOT_TLS) {
                message.append("; ").append(at).append(" does not answer a TLS handshake (TLS is on because a CA certificate"
                        + " is configured): is this the plaintext client port? Use the server's secureClientPort");
            } else if (!tls && answer == TlsProbe.Answer.TLS) {
                message.append("; ").append(at).append(" expects TLS (a secureClientPort): configure the CA certificate"
                        + " (--ca-cert / ca_cert) or use the plaintext client port");
            }
        });
        return message.toString();
    }

    /** The per-client ZooKeeper settings: SASL section and TLS. */
    static ZKClientConfig clientConfig(ZkSettings settings) {
        ZKClientConfig config = new ZKClientConfig();
        Credentials credentials = settings.credentials();
        credentials.username().ifPresent(user -> {
            config.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "true");
            config.setProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY,
                    ZkJaasSections.sectionFor(user, credentials.password().revealOr("")));
        });
        credentials.caCert().ifPresent(ca -> configureTls(config, ca, settings.verifyHostname()));
        return config;
    }

    private static void configureTls(ZKClientConfig config, Path caPem, boolean verifyHostname) {
        // ZooKeeper reads the PEM itself; checking it here gives a clear error naming the file instead of a
        // handshake failure on every connection attempt.
        PemTrust.trustStore(caPem);
        config.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
        config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, NETTY_SOCKET);
        config.setProperty(SSL_TRUSTSTORE_LOCATION, caPem.toAbsolutePath().toString());
        config.setProperty(SSL_TRUSTSTORE_TYPE, "PEM");
        config.setProperty(SSL_HOSTNAME_VERIFICATION, Boolean.toString(verifyHostname));
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
