package io.pero.common.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Asks one server port whether it speaks TLS, to explain a connection that never came up (TLS to a plaintext port,
 * plaintext to a TLS port). Only a handshake is made: no data is sent, so the server's certificate is not checked
 * here (the real connection checks it).
 */
public final class TlsProbe {
    /** What the port answered. */
    public enum Answer { TLS, NOT_TLS, UNREACHABLE }

    private TlsProbe() {
    }

    public static Answer probe(String host, int port, Duration timeout) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), millis);
            plain.setSoTimeout(millis);
            try (SSLSocket tls = (SSLSocket) handshakeOnly().getSocketFactory().createSocket(plain, host, port, false)) {
                tls.startHandshake();
                return Answer.TLS;
            } catch (SSLException e) {
                // A plaintext server hangs up on (or answers garbage to) a ClientHello.
                return Answer.NOT_TLS;
            }
        } catch (java.net.SocketTimeoutException e) {
            // Connected, but no handshake answer in time: a plaintext server waiting for more bytes.
            return Answer.NOT_TLS;
        } catch (IOException e) {
            return Answer.UNREACHABLE;
        }
    }

    /** Probes {@code address}'s port ({@code defaultPort} when it names none). */
    public static Answer probe(ServerAddress address, int defaultPort, Duration timeout) {
        return probe(address.host(), address.portOr(defaultPort), timeout);
    }

    private static SSLContext handshakeOnly() throws IOException {
        TrustManager acceptAny = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {acceptAny}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS implementation: " + e.getMessage(), e);
        }
    }
}
