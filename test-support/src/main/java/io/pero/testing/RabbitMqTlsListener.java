package io.pero.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * The test RabbitMQ's TLS listeners, as {@code .ci/rabbitmq-tls.sh} configures them: AMQPS and the management API over
 * HTTPS on the test broker's host, with a certificate the CA in {@code PERO_TEST_AMQPS_CA} signed (default
 * {@code /etc/rabbitmq/pero-tls/ca.pem}); ports {@code PERO_TEST_AMQPS_PORT} (5671) and
 * {@code PERO_TEST_MANAGEMENT_HTTPS_PORT} (15671).
 */
public record RabbitMqTlsListener(String host, int amqpsPort, int managementHttpsPort, Path caPem) {
    private static final int PROBE_TIMEOUT_MS = 3000;

    /**
     * The listener of the test broker, checked with a handshake that verifies the host name; skips the calling test,
     * naming what is missing, when the broker is not RabbitMQ or has no such listener.
     */
    public static RabbitMqTlsListener require() {
        TestBroker broker = TestBroker.get();
        broker.assumeRabbitMq("a TLS listener");
        Path ca = Path.of(env("PERO_TEST_AMQPS_CA", "/etc/rabbitmq/pero-tls/ca.pem"));
        int amqps = Integer.parseInt(env("PERO_TEST_AMQPS_PORT", "5671"));
        int https = Integer.parseInt(env("PERO_TEST_MANAGEMENT_HTTPS_PORT", "15671"));
        String how = " (configure one with .ci/rabbitmq-tls.sh, or set PERO_TEST_AMQPS_CA/_PORT)";
        Assumptions.assumeTrue(Files.isReadable(ca), () -> "no RabbitMQ TLS listener: CA certificate " + ca + " not found" + how);
        String failure = handshake(broker.host(), amqps, ca);
        Assumptions.assumeTrue(failure == null, () -> "no RabbitMQ TLS listener at " + broker.host() + ":" + amqps + ": "
                + failure + how);
        return new RabbitMqTlsListener(broker.host(), amqps, https, ca);
    }

    /** Null when a TLS handshake with host name verification succeeds, else why not. */
    private static String handshake(String host, int port, Path ca) {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MS);
            plain.setSoTimeout(PROBE_TIMEOUT_MS);
            try (SSLSocket tls = (SSLSocket) trusting(ca).getSocketFactory().createSocket(plain, host, port, false)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                return null;
            }
        } catch (IOException | GeneralSecurityException e) {
            return e.toString();
        }
    }

    private static SSLContext trusting(Path ca) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
