package io.pero.common.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Handshakes against a local TLS server whose certificate the test CA signed. */
class PemTrustIT {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private SSLServerSocket server;
    private CompletableFuture<Void> serving;

    @BeforeEach
    void startServer() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = PemTrustIT.class.getResourceAsStream("/tls/server.p12")) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        serving = CompletableFuture.runAsync(() -> {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.startHandshake();
                socket.getOutputStream().write(42);
                socket.getOutputStream().flush();
            } catch (Exception e) {
                // The client's rejection ends the handshake here too; the client side asserts the outcome.
            }
        });
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
        serving.get(5, TimeUnit.SECONDS);
    }

    @Test
    void serverSignedByTheCaIsTrustedWithHostnameCheck() throws Exception {
        SSLContext context = PemTrust.sslContext(PemTrustTest.resource("ca.pem"));

        try (SSLSocket socket = connect(context, "localhost")) {
            assertEquals(42, socket.getInputStream().read());
        }
    }

    @Test
    void bundleWithTheCaAmongOthersIsTrusted() throws Exception {
        SSLContext context = PemTrust.sslContext(PemTrustTest.resource("two-cas.pem"));

        try (SSLSocket socket = connect(context, "localhost")) {
            assertEquals(42, socket.getInputStream().read());
        }
    }

    @Test
    void serverSignedByAnotherCaIsRejected() throws Exception {
        SSLContext context = PemTrust.sslContext(PemTrustTest.resource("other-ca.pem"));

        assertThrows(SSLHandshakeException.class, () -> connect(context, "localhost").startHandshake());
    }

    private SSLSocket connect(SSLContext context, String host) throws Exception {
        // Connects to the loopback address the server listens on, and checks the certificate against `host`.
        java.net.Socket plain = new java.net.Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, server.getLocalPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }
}
