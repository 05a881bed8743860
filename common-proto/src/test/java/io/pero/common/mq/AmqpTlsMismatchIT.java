package io.pero.common.mq;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.Credentials;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.net.ServerAddress;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** Bad-input rows "TLS to a plaintext port" and "plaintext to a TLS port": each a clear error naming the mismatch. */
class AmqpTlsMismatchIT {

    private static Path resource(String name) throws Exception {
        return Path.of(AmqpTlsMismatchIT.class.getResource("/tls/" + name).toURI());
    }

    @Test
    void tlsToThePlaintextPortSaysTheHandshakeFailed() throws Exception {
        Credentials plain = BrokerFixture.brokerCredentials();
        Credentials tls = new Credentials(plain.username(), plain.password(), Optional.of(resource("ca.pem")));
        AmqpConnections connections = new AmqpConnections(new AmqpSettings(
                () -> List.of(BrokerFixture.brokerAddress()), tls, false, 10));
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                () -> connections.open("pero-test:tls-to-plain"));
        assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
        assertTrue(e.getMessage().contains("plaintext"), e.getMessage());
    }

    @Test
    void plaintextToATlsPortSaysTheServerExpectsTls() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = AmqpTlsMismatchIT.class.getResourceAsStream("/tls/server.p12")) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                } catch (Exception expected) {
                    // The client speaks plain AMQP: the handshake fails, which is the point.
                }
            }, "tls-port");
            acceptor.setDaemon(true);
            acceptor.start();
            AmqpConnections connections = new AmqpConnections(BrokerFixture.settings(
                    List.of(ServerAddress.of("127.0.0.1", server.getLocalPort()))));
            ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                    () -> connections.open("pero-test:plain-to-tls"));
            assertTrue(e.getMessage().contains("expects TLS"), e.getMessage());
            assertTrue(e.getMessage().contains("configure a CA certificate"), e.getMessage());
        }
    }
}
