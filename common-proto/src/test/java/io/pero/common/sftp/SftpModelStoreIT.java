package io.pero.common.sftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.Credentials;
import io.pero.common.config.Secret;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.net.ServerAddress;
import io.pero.embedded.EmbeddedSftpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftpModelStoreIT {
    private static final String USER = "modeluser";
    private static final String PASSWORD = "s3cr3t-Pa55";

    @TempDir
    Path tmp;
    private EmbeddedSftpServer server;

    @BeforeEach
    void startServer() {
        server = EmbeddedSftpServer.start(0, tmp.resolve("sftp-root"), USER, PASSWORD);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private SftpModelStore store(String password, Optional<Path> knownHosts, int... ports) {
        List<ServerAddress> servers = java.util.Arrays.stream(ports).mapToObj(p -> ServerAddress.of("127.0.0.1", p)).toList();
        Credentials credentials = new Credentials(Optional.of(USER), Secret.of(password), Optional.empty());
        return new SftpModelStore(new SftpSettings(() -> servers, credentials, knownHosts, Duration.ofSeconds(10)));
    }

    private SftpModelStore store() {
        return store(PASSWORD, Optional.empty(), server.port());
    }

    private Path localFile(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    @Test
    void uploadCreatesParentDirectoriesAndDownloadReturnsTheSameBytes() throws Exception {
        byte[] content = randomBytes(300_000);
        store().upload(localFile("model.tar.xz", content), "pero/models/ocr/model.tar.xz");

        assertArrayEquals(content, Files.readAllBytes(server.root().resolve("pero/models/ocr/model.tar.xz")));
        Path downloaded = tmp.resolve("cache/ocr.archive");
        store().download("pero/models/ocr/model.tar.xz", downloaded);
        assertArrayEquals(content, Files.readAllBytes(downloaded));
        try (var files = Files.list(downloaded.getParent())) {
            assertEquals(1, files.count(), "no partial download left beside the file");
        }
    }

    @Test
    void uploadFailsWhenAParentPathIsAFile() throws Exception {
        Files.createDirectories(server.root().resolve("pero"));
        Files.writeString(server.root().resolve("pero/models"), "a file, not a directory");
        IOException e = assertThrows(IOException.class,
                () -> store().upload(localFile("m", new byte[] {1}), "pero/models/ocr.zip"));
        assertTrue(e.getMessage().contains("cannot create directory pero/models"), e.getMessage());
    }

    @Test
    void downloadOfAMissingFileIsNoSuchFile() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> store().download("pero/missing.zip", tmp.resolve("x")));
        assertTrue(e.getMessage().contains("pero/missing.zip"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void removeDeletesTheFileAndPrunesOnlyEmptyParents() throws Exception {
        store().upload(localFile("a", new byte[] {1}), "pero/models/ocr/v1/model.zip");
        store().upload(localFile("b", new byte[] {2}), "pero/models/keep.zip");

        store().removeFileAndEmptyParents("pero/models/ocr/v1/model.zip");

        assertFalse(Files.exists(server.root().resolve("pero/models/ocr")), "empty ocr/v1 and ocr are pruned");
        assertTrue(Files.exists(server.root().resolve("pero/models/keep.zip")), "non-empty parent stays");
    }

    @Test
    void wrongPasswordNamesTheServerAndUserButNeverThePassword() {
        String wrong = "wrong-Passw0rd-xyz";
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                () -> store(wrong, Optional.empty(), server.port()).download("pero/x", tmp.resolve("x")));
        assertTrue(e.getMessage().contains("sftp://127.0.0.1:" + server.port()), e.getMessage());
        assertTrue(e.getMessage().contains("authentication failed for user " + USER), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
    }

    @Test
    void defaultCredentialsArePeroPeroWhenNoUsernameIsGiven() throws Exception {
        try (EmbeddedSftpServer defaults = EmbeddedSftpServer.start(0, tmp.resolve("default-root"), "pero", "pero")) {
            List<ServerAddress> servers = List.of(ServerAddress.of("127.0.0.1", defaults.port()));
            SftpModelStore store = new SftpModelStore(SftpSettings.of(() -> servers, Credentials.none(), Optional.empty()));
            store.upload(localFile("m", new byte[] {7}), "m.zip");
            assertTrue(Files.exists(defaults.root().resolve("m.zip")));
        }
    }

    @Test
    void knownHostsWithTheServersKeyIsAccepted() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        server.writeKnownHosts(knownHosts);
        store(PASSWORD, Optional.of(knownHosts), server.port()).upload(localFile("m", new byte[] {1}), "m.zip");
        assertTrue(Files.exists(server.root().resolve("m.zip")));
    }

    @Test
    void knownHostsWithAnotherKeyForThisHostIsRejected() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        try (EmbeddedSftpServer other = EmbeddedSftpServer.start(0, tmp.resolve("other-root"), USER, PASSWORD)) {
            String otherKeyAsOurs = other.knownHostsLine().replace("]:" + other.port() + " ", "]:" + server.port() + " ");
            Files.writeString(knownHosts, otherKeyAsOurs + "\n");
        }
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                () -> store(PASSWORD, Optional.of(knownHosts), server.port()).download("m.zip", tmp.resolve("x")));
        assertTrue(e.getMessage().contains("host key rejected"), e.getMessage());
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        assertTrue(e.getMessage().contains("man-in-the-middle"), e.getMessage());
    }

    @Test
    void knownHostsWithoutThisHostIsRejected() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine().replace("127.0.0.1", "10.9.9.9") + "\n");
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                () -> store(PASSWORD, Optional.of(knownHosts), server.port()).download("m.zip", tmp.resolve("x")));
        assertTrue(e.getMessage().contains("is not listed in known_hosts file " + knownHosts), e.getMessage());
    }

    @Test
    void fallsBackFromADeadServerToTheNextOne() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        store(PASSWORD, Optional.empty(), deadPort, server.port()).upload(localFile("m", new byte[] {3}), "m.zip");
        assertTrue(Files.exists(server.root().resolve("m.zip")));
    }

    @Test
    void allServersDownNamesEachServer() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        server.close();
        int stoppedPort = server.port();
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                () -> store(PASSWORD, Optional.empty(), deadPort, stoppedPort).download("m.zip", tmp.resolve("x")));
        assertTrue(e.getMessage().contains("sftp://127.0.0.1:" + deadPort + " (network error: connection refused)"), e.getMessage());
        assertTrue(e.getMessage().contains("sftp://127.0.0.1:" + stoppedPort + " ("), e.getMessage());
    }

    @Test
    void serverOfferingOnlyAnEd25519HostKeyIsReachedAndVerified() throws Exception {
        assertServerWithOnlyThisHostKeyServesDownloads(EmbeddedSftpServer.HostKeyType.ED25519, "ssh-ed25519");
    }

    @Test
    void serverOfferingOnlyAnRsaHostKeyIsReachedAndVerified() throws Exception {
        assertServerWithOnlyThisHostKeyServesDownloads(EmbeddedSftpServer.HostKeyType.RSA, "ssh-rsa");
    }

    private void assertServerWithOnlyThisHostKeyServesDownloads(EmbeddedSftpServer.HostKeyType type, String keyType)
            throws Exception {
        try (EmbeddedSftpServer only = EmbeddedSftpServer.start(0, tmp.resolve("only-root"), USER, PASSWORD, type)) {
            assertTrue(only.knownHostsLine().contains(" " + keyType + " "), only.knownHostsLine());
            Files.writeString(Files.createDirectories(only.root().resolve("pero")).resolve("m.zip"), "model");
            Path knownHosts = tmp.resolve("known_hosts");
            only.writeKnownHosts(knownHosts);
            Path downloaded = tmp.resolve("m.zip");
            store(PASSWORD, Optional.of(knownHosts), only.port()).download("pero/m.zip", downloaded);
            assertEquals("model", Files.readString(downloaded));
        }
    }

    @Test
    void noCommonKeyExchangeAlgorithmIsReportedAsKeyExchangeNotAuthentication() throws Exception {
        // An old server that only speaks diffie-hellman-group1-sha1, which current clients (and OpenSSH) refuse.
        try (EmbeddedSftpServer old = EmbeddedSftpServer.start(0, tmp.resolve("old-root"), USER, PASSWORD,
                EmbeddedSftpServer.HostKeyType.RSA, s -> s.setKeyExchangeFactories(List.of(
                        org.apache.sshd.server.ServerBuilder.DH2KEX.apply(
                                org.apache.sshd.common.kex.BuiltinDHFactories.dhg1))))) {
            ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                    () -> store(PASSWORD, Optional.empty(), old.port()).download("m.zip", tmp.resolve("x")));
            assertTrue(e.getMessage().contains("key exchange failed"), e.getMessage());
            assertTrue(e.getMessage().contains("diffie-hellman-group1-sha1"), e.getMessage());
            assertFalse(e.getMessage().contains("authentication"), e.getMessage());
        }
    }

    @Test
    void downloadOfAMissingFileNamesTheFileAndTheServer() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> store().download("pero/missing-model.tar.xz", tmp.resolve("x")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        assertTrue(e.getMessage().contains("sftp://127.0.0.1:" + server.port()), e.getMessage());
    }
}
