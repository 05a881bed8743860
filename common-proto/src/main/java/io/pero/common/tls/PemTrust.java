package io.pero.common.tls;

import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/** TLS trust built from a CA certificate PEM file (one or more certificates). */
public final class PemTrust {
    private PemTrust() {
    }

    /** A TLSv1.2+ context that trusts exactly the CAs in {@code caPem}. */
    public static SSLContext sslContext(Path caPem) {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }
}
