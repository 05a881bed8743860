package io.pero.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSftpServerIT {
    @TempDir
    Path tmp;

    private static ClientSession login(SshClient client, int port, String password) throws Exception {
        ClientSession session = client.connect("pero", "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession();
        session.addPasswordIdentity(password);
        session.auth().verify(Duration.ofSeconds(10));
        return session;
    }

    @Test
    void putLandsUnderRootAndGetReadsItBack() throws Exception {
        Path root = tmp.resolve("root");
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(0, root, "pero", "secret");
             SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession session = login(client, server.port(), "secret");
                 SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                sftp.mkdir("pero");
                try (OutputStream out = sftp.write("pero/x.txt")) {
                    out.write("hello".getBytes(StandardCharsets.UTF_8));
                }
                assertEquals("hello", Files.readString(root.resolve("pero/x.txt")));
                try (InputStream in = sftp.read("pero/x.txt")) {
                    assertEquals("hello", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThrows(Exception.class, () -> login(client, server.port(), "wrong").close());
        }
    }

    @Test
    void knownHostsLineNamesTheBoundAddressAndPort() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(0, tmp.resolve("root"), "pero", "secret")) {
            Path file = tmp.resolve("known_hosts");
            server.writeKnownHosts(file);
            String line = Files.readString(file).trim();
            assertTrue(line.startsWith("[127.0.0.1]:" + server.port() + " "), line);
            assertEquals(3, line.split(" ").length, line);
        }
    }
}
