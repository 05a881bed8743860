package io.pero.common.sftp;

import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.net.ServerAddress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens an SFTP session on the first listed server that accepts us (password auth only). */
final class SftpConnector {
    private static final Logger log = LoggerFactory.getLogger(SftpConnector.class);
    /** The original's credentials when no username is configured (spec §4.3). */
    static final String DEFAULT_USER = "pero";
    static final String DEFAULT_PASSWORD = "pero";

    private final SftpSettings settings;
    private final HostKeyPolicy hostKeys;

    SftpConnector(SftpSettings settings, HostKeyPolicy hostKeys) {
        this.settings = settings;
        this.hostKeys = hostKeys;
    }

    /** A session on the first server that accepts; {@code operation} (e.g. "download x") goes into the error. */
    SftpConnection open(String operation) throws InterruptedIOException {
        List<ServerAddress> servers = settings.servers().get();
        if (servers == null || servers.isEmpty()) {
            throw new ServiceUnavailableException("SFTP " + operation + ": no SFTP servers configured");
        }
        List<String> failures = new ArrayList<>();
        for (ServerAddress server : servers) {
            try {
                return connect(server);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                failures.add(url(server) + " (" + e.getMessage() + ")");
                log.warn("sftp server unavailable server={} cause=\"{}\"", url(server), e.getMessage());
            }
        }
        throw new ServiceUnavailableException("SFTP " + operation + ": no server accepted the connection: "
                + String.join(", ", failures));
    }

    private SftpConnection connect(ServerAddress server) throws IOException {
        Duration timeout = settings.timeout();
        String user = user();
        HostKeyPolicy.Verifier verifier = hostKeys.newVerifier();
        HandshakeProgress progress = new HandshakeProgress();
        SshClient client = newClient(verifier, timeout);
        client.addSessionListener(progress);
        ClientSession session = null;
        try {
            client.start();
            session = openSession(client, user, server, timeout);
            authenticate(session, user, verifier, progress, timeout);
            log.debug("sftp session open server={} {}", url(server), progress.negotiated().orElse(""));
            SftpClient sftp = openSftp(session);
            return new SftpConnection(client, session, sftp, server);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            closeQuietly(client);
            throw rethrowable(e);
        }
    }

    private static ClientSession openSession(SshClient client, String user, ServerAddress server, Duration timeout)
            throws IOException {
        try {
            return client.connect(user, server.host(), server.portOr(SftpSettings.DEFAULT_PORT)).verify(timeout).getSession();
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AttemptFailed(HandshakeFailure.connecting(e), e);
        }
    }

    private void authenticate(ClientSession session, String user, HostKeyPolicy.Verifier verifier,
                              HandshakeProgress progress, Duration timeout) throws IOException {
        session.addPasswordIdentity(password());
        try {
            // Key exchange runs inside this wait too: MINA reports its failure as a failed authentication, so the
            // progress listener tells the two apart.
            session.auth().verify(timeout);
        } catch (IOException e) {
            if (e instanceof InterruptedIOException && verifier.rejection().isEmpty()
                    && progress.negotiationFailure().isEmpty()) {
                throw e;
            }
            throw new AttemptFailed(HandshakeFailure.handshake(e, user, verifier.rejection(), progress.keysExchanged(),
                    progress.negotiationFailure()), e);
        }
    }

    private static SftpClient openSftp(ClientSession session) throws IOException {
        try {
            return SftpClientFactory.instance().createSftpClient(session);
        } catch (IOException e) {
            throw new AttemptFailed("SFTP subsystem not available: " + causeText(e), e);
        }
    }

    static SshClient newClient(ServerKeyVerifier verifier, Duration timeout) {
        SshClient client = SshClient.setUpDefaultClient();
        // Nothing from ~/.ssh (config, keys, agent) may change whom we talk to or how: password auth only.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        client.setServerKeyVerifier(verifier);
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, timeout);
        CoreModuleProperties.AUTH_TIMEOUT.set(client, timeout);
        // Any traffic resets it, so a long transfer is not cut; a server gone silent is.
        CoreModuleProperties.IDLE_TIMEOUT.set(client, timeout);
        SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(client, timeout);
        return client;
    }

    private String user() {
        return settings.credentials().username().orElse(DEFAULT_USER);
    }

    private String password() {
        if (settings.credentials().username().isEmpty()) {
            return DEFAULT_PASSWORD;
        }
        return settings.credentials().password().revealOr("");
    }

    static String url(ServerAddress server) {
        return "sftp://" + server.hostPort(SftpSettings.DEFAULT_PORT);
    }

    private static IOException rethrowable(Exception e) {
        if (e instanceof InterruptedIOException iio) {
            Thread.currentThread().interrupt();
            return iio;
        }
        if (e instanceof AttemptFailed described) {
            return described;
        }
        return new AttemptFailed(HandshakeFailure.NETWORK + ": " + causeText(e), e);
    }

    static String causeText(Throwable e) {
        return HandshakeFailure.causeText(e);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception suppressed) {
            // The connect failure is what the caller needs; a failed close of a dead session adds nothing.
        }
    }

    /** A failed connection attempt whose message already says why, in words fit for the user. */
    private static final class AttemptFailed extends IOException {
        AttemptFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
