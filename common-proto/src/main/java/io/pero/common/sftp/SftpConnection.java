package io.pero.common.sftp;

import io.pero.common.net.ServerAddress;
import java.io.IOException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;

/** One authenticated SFTP session; closing it ends the session and its client. */
final class SftpConnection implements AutoCloseable {
    private final SshClient client;
    private final ClientSession session;
    private final SftpClient sftp;
    private final ServerAddress server;

    SftpConnection(SshClient client, ClientSession session, SftpClient sftp, ServerAddress server) {
        this.client = client;
        this.session = session;
        this.sftp = sftp;
        this.server = server;
    }

    SftpClient sftp() {
        return sftp;
    }

    /** {@code sftp://host:port}, for messages. */
    String url() {
        return SftpConnector.url(server);
    }

    @Override
    public void close() throws IOException {
        // Differs from the original: the session is closed after each operation (the original never closed it).
        try (SshClient c = client; ClientSession s = session; SftpClient f = sftp) {
            // try-with-resources closes sftp, then session, then client, and keeps the first failure.
        }
    }
}
