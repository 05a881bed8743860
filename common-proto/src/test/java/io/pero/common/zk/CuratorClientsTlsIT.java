package io.pero.common.zk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.Credentials;
import io.pero.common.config.Secret;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.net.ServerAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TLS to a ZooKeeper whose certificate the test CA signed (spec §14), with the CA given as a PEM file. */
class CuratorClientsTlsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The server reads its TLS settings as system properties; they are removed again after the class. */
    private static final List<String> SERVER_PROPERTIES = List.of("zookeeper.serverCnxnFactory", "zookeeper.ssl.keyStore.location",
            "zookeeper.ssl.keyStore.password", "zookeeper.ssl.keyStore.type", "zookeeper.ssl.clientAuth");

    private static TestingServer server;
    private static int securePort;

    @BeforeAll
    static void startTlsZooKeeper() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            securePort = socket.getLocalPort();
        }
        Path keyStore = Path.of(CuratorClientsTlsIT.class.getResource("/tls/server.p12").toURI());
        InstanceSpec spec = new InstanceSpec(Files.createTempDirectory("pero-zk-tls-").toFile(), -1, -1, -1, true, -1, 500, 1000,
                Map.of("secureClientPort", String.valueOf(securePort),
                        "serverCnxnFactory", "org.apache.zookeeper.server.NettyServerCnxnFactory",
                        "ssl.keyStore.location", keyStore.toString(),
                        "ssl.keyStore.password", "changeit",
                        "ssl.keyStore.type", "PKCS12",
                        "ssl.clientAuth", "none"),
                "127.0.0.1");
        server = new TestingServer(spec, true);
    }

    @AfterAll
    static void stopTlsZooKeeper() throws Exception {
        server.close();
        SERVER_PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void connectsOverTlsTrustingTheCaPem() throws Exception {
        try (CuratorFramework client = CuratorClients.startAndWait(settings("localhost", "ca.pem", true), WAIT)) {
            client.create().forPath("/tls-ok", new byte[] {1});

            assertArrayEquals(new byte[] {1}, client.getData().forPath("/tls-ok"));
        }
    }

    @Test
    void serverSignedByAnotherCaIsNotAccepted() {
        assertThrows(ServiceUnavailableException.class,
                () -> CuratorClients.startAndWait(settings("localhost", "other-ca.pem", true), Duration.ofSeconds(2)));
    }

    @Test
    void serverAddressNotInTheCertificateIsRejectedWhenVerifyingHostNames() {
        assertThrows(ServiceUnavailableException.class,
                () -> CuratorClients.startAndWait(settings("127.0.0.2", "ca.pem", true), Duration.ofSeconds(2)));
    }

    @Test
    void serverAddressNotInTheCertificateIsAcceptedWhenHostNameVerificationIsOff() throws Exception {
        try (CuratorFramework client = CuratorClients.startAndWait(settings("127.0.0.2", "ca.pem", false), WAIT)) {
            client.checkExists().forPath("/");
        }
    }

    @Test
    void tlsToThePlaintextPortFailsInBoundedTimeNamingTheMismatch() throws Exception {
        Path caPem = Path.of(CuratorClientsTlsIT.class.getResource("/tls/ca.pem").toURI());
        ZkSettings tlsToPlain = new ZkSettings(List.of(ServerAddress.of("localhost", server.getPort())),
                new Credentials(Optional.empty(), Secret.none(), Optional.of(caPem)), Duration.ofSeconds(10),
                Duration.ofSeconds(2), true);
        ServiceUnavailableException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                ServiceUnavailableException.class, () -> CuratorClients.startAndWait(tlsToPlain, Duration.ofSeconds(3))));
        assertTrue(e.getMessage().startsWith("ZooKeeper unreachable at localhost:" + server.getPort() + " after 3 s; "),
                e.getMessage());
        assertTrue(e.getMessage().contains("does not answer a TLS handshake (TLS is on because a CA certificate is configured)"
                + ": is this the plaintext client port?"), e.getMessage());
    }

    @Test
    void plaintextToTheTlsPortFailsInBoundedTimeNamingTheMismatch() {
        ZkSettings plainToTls = new ZkSettings(List.of(ServerAddress.of("localhost", securePort)),
                new Credentials(Optional.empty(), Secret.none(), Optional.empty()), Duration.ofSeconds(10),
                Duration.ofSeconds(2), true);
        ServiceUnavailableException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                ServiceUnavailableException.class, () -> CuratorClients.startAndWait(plainToTls, Duration.ofSeconds(3))));
        assertTrue(e.getMessage().contains("localhost:" + securePort + " expects TLS (a secureClientPort): configure the CA"
                + " certificate"), e.getMessage());
    }

    private static ZkSettings settings(String host, String ca, boolean verifyHostname) throws Exception {
        Path caPem = Path.of(CuratorClientsTlsIT.class.getResource("/tls/" + ca).toURI());
        return new ZkSettings(List.of(ServerAddress.of(host, securePort)),
                new Credentials(Optional.empty(), Secret.none(), Optional.of(caPem)), Duration.ofSeconds(10),
                Duration.ofSeconds(5), verifyHostname);
    }
}
