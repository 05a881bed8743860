package io.pero.common.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.Test;

class HandshakeFailureTest {
    private static final SshException AUTH_WAIT_FAILED = new SshException("Session is being closed");

    @Test
    void refusedConnectionIsANetworkError() {
        assertEquals("network error: connection refused",
                HandshakeFailure.connecting(new IOException("wrapped", new ConnectException("Connection refused"))));
        assertTrue(HandshakeFailure.connecting(new UnknownHostException("sftp.invalid")).startsWith("network error: unknown host"));
    }

    @Test
    void noCommonAlgorithmIsAKeyExchangeFailureNamingTheAlgorithms() {
        SshException reason = new SshException(SshConstants.SSH2_DISCONNECT_KEY_EXCHANGE_FAILED,
                "Unable to negotiate key exchange for server host key algorithms (client: ecdsa-sha2-nistp256 / server: ssh-ed25519)");
        String text = HandshakeFailure.handshake(AUTH_WAIT_FAILED, "pero", Optional.empty(), false, Optional.of(reason));
        assertTrue(text.startsWith("key exchange failed"), text);
        assertTrue(text.contains("server: ssh-ed25519"), text);
        assertTrue(!text.contains("authentication"), text);
    }

    @Test
    void keyExchangeDisconnectCodeIsAKeyExchangeFailureEvenWithoutTheNegotiationEvent() {
        SshException e = new SshException(SshConstants.SSH2_DISCONNECT_KEY_EXCHANGE_FAILED, "kex failed");
        assertTrue(HandshakeFailure.handshake(e, "pero", Optional.empty(), false, Optional.empty())
                .startsWith("key exchange failed: kex failed"));
    }

    @Test
    void connectionLostBeforeKeysAreAgreedIsNotCalledAnAuthenticationFailure() {
        String text = HandshakeFailure.handshake(AUTH_WAIT_FAILED, "pero", Optional.empty(), false, Optional.empty());
        assertTrue(text.startsWith("key exchange failed (connection lost or timed out"), text);
    }

    @Test
    void rejectedHostKeyWinsOverWhatMinaReportsAfterwards() {
        String text = HandshakeFailure.handshake(AUTH_WAIT_FAILED, "pero",
                Optional.of("host key ssh-ed25519 SHA256:x is not listed in known_hosts file /k"), false, Optional.empty());
        assertEquals("host key rejected: host key ssh-ed25519 SHA256:x is not listed in known_hosts file /k", text);
    }

    @Test
    void failureAfterKeyExchangeIsAnAuthenticationFailure() {
        SshException e = new SshException(SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE,
                "No more authentication methods available");
        String text = HandshakeFailure.handshake(e, "pero", Optional.empty(), true, Optional.empty());
        assertTrue(text.startsWith("authentication failed for user pero (password refused"), text);
    }

    @Test
    void clientOffersTheCurrentOpenSshAlgorithmsIncludingEd25519HostKeys() {
        try (SshClient client = SftpConnector.newClient(AcceptAllServerKeyVerifier.INSTANCE, Duration.ofSeconds(5))) {
            List<String> hostKeys = NamedResource.getNameList(client.getSignatureFactories());
            List<String> kex = NamedResource.getNameList(client.getKeyExchangeFactories());
            List<String> ciphers = NamedResource.getNameList(client.getCipherFactories());
            assertTrue(hostKeys.contains("ssh-ed25519"), "EdDSA provider missing: " + hostKeys);
            assertTrue(hostKeys.containsAll(List.of("ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256")), hostKeys.toString());
            assertTrue(kex.contains("curve25519-sha256"), kex.toString());
            assertTrue(ciphers.containsAll(List.of("chacha20-poly1305@openssh.com", "aes128-ctr", "aes256-gcm@openssh.com")),
                    ciphers.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
