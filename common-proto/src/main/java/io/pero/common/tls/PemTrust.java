package io.pero.common.tls;

import io.pero.common.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS trust built from a CA certificate PEM file (one or more certificates). */
public final class PemTrust {
    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----");

    private PemTrust() {
    }

    /**
     * A TLSv1.2+ context that trusts exactly the CAs in {@code caPem}. "TLS" on Java 17 negotiates 1.3 or 1.2 only:
     * 1.0 and 1.1 are in the JDK's {@code jdk.tls.disabledAlgorithms}.
     *
     * @throws ConfigException naming the file when it is missing, unreadable or holds no PEM certificate
     */
    public static SSLContext sslContext(Path caPem) {
        KeyStore trustStore = trustStore(caPem);
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context from CA certificate " + caPem + ": " + e, e);
        }
    }

    /** An in-memory trust store holding every certificate of {@code caPem}. */
    public static KeyStore trustStore(Path caPem) {
        List<Certificate> certificates = readCertificates(caPem);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store from CA certificate " + caPem + ": " + e, e);
        }
    }

    static List<Certificate> readCertificates(Path caPem) {
        if (!Files.isRegularFile(caPem)) {
            throw new ConfigException("CA certificate " + caPem + ": file does not exist or is not a file");
        }
        String text;
        try {
            // Latin-1 never fails to decode, so stray bytes around the PEM blocks do not matter.
            text = Files.readString(caPem, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigException("CA certificate " + caPem + ": cannot read: " + e.getMessage(), e);
        }
        List<Certificate> certificates = new ArrayList<>();
        Matcher m = PEM_CERTIFICATE.matcher(text);
        while (m.find()) {
            certificates.addAll(parse(caPem, m.group()));
        }
        if (certificates.isEmpty()) {
            throw new ConfigException("CA certificate " + caPem
                    + ": not a PEM certificate (no '-----BEGIN CERTIFICATE-----' block)");
        }
        return certificates;
    }

    private static Collection<? extends Certificate> parse(Path caPem, String block) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return factory.generateCertificates(new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new ConfigException("CA certificate " + caPem + ": not a valid X.509 PEM certificate: " + e.getMessage(), e);
        }
    }
}
