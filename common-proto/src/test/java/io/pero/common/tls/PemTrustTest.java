package io.pero.common.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTrustTest {

    @Test
    void trustsTheCertificateOfTheFile() throws Exception {
        KeyStore store = PemTrust.trustStore(resource("ca.pem"));

        List<String> aliases = Collections.list(store.aliases());
        assertEquals(1, aliases.size());
        X509Certificate ca = (X509Certificate) store.getCertificate(aliases.get(0));
        assertEquals("CN=pero test CA", ca.getSubjectX500Principal().getName());
    }

    @Test
    void readsEveryCertificateOfABundleAndIgnoresTextAround(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, "Bag Attributes: ünïcode\n" + Files.readString(resource("two-cas.pem")) + "\ntrailer\n",
                StandardCharsets.UTF_8);

        KeyStore store = PemTrust.trustStore(bundle);

        assertEquals(2, store.size());
    }

    @Test
    void contextIsTlsAndOffersNothingOlderThanTls12() throws Exception {
        SSLContext context = PemTrust.sslContext(resource("ca.pem"));

        assertEquals("TLS", context.getProtocol());
        List<String> enabled = List.of(context.createSSLEngine().getEnabledProtocols());
        assertTrue(enabled.contains("TLSv1.2"), enabled::toString);
        assertTrue(enabled.stream().allMatch(p -> p.equals("TLSv1.2") || p.equals("TLSv1.3")), enabled::toString);
    }

    @Test
    void missingFileIsAConfigErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("ca.pem");

        ConfigException e = assertThrows(ConfigException.class, () -> PemTrust.sslContext(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void fileWithoutPemCertificateIsAConfigErrorNamingIt(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");

        ConfigException e = assertThrows(ConfigException.class, () -> PemTrust.sslContext(key));
        assertTrue(e.getMessage().contains(key.toString()) && e.getMessage().contains("not a PEM certificate"), e.getMessage());
    }

    @Test
    void corruptCertificateIsAConfigErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path corrupt = dir.resolve("corrupt.pem");
        Files.writeString(corrupt, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

        ConfigException e = assertThrows(ConfigException.class, () -> PemTrust.sslContext(corrupt));
        assertTrue(e.getMessage().contains(corrupt.toString()) && e.getMessage().contains("not a valid X.509"), e.getMessage());
    }

    static Path resource(String name) throws Exception {
        return Path.of(PemTrustTest.class.getResource("/tls/" + name).toURI());
    }
}
