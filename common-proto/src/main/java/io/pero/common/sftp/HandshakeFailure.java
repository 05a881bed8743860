package io.pero.common.sftp;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;

/**
 * Names why an SSH connection attempt failed (pure): network, key exchange, host key, authentication. Each text starts
 * with the category, so an operator reading "CONFIGURATION_FAILED: ..." knows whom to call.
 */
final class HandshakeFailure {
    static final String NETWORK = "network error";
    static final String KEY_EXCHANGE = "key exchange failed";
    static final String HOST_KEY = "host key rejected";
    static final String AUTHENTICATION = "authentication failed";

    private HandshakeFailure() {
    }

    /** Failure while opening the TCP connection (before any SSH byte). */
    static String connecting(Throwable e) {
        Throwable root = rootCause(e);
        if (root instanceof ConnectException) {
            return NETWORK + ": connection refused";
        }
        if (root instanceof UnknownHostException) {
            return NETWORK + ": unknown host " + root.getMessage();
        }
        if (root instanceof NoRouteToHostException) {
            return NETWORK + ": no route to host";
        }
        if (root instanceof SocketTimeoutException || root instanceof InterruptedIOException
                || String.valueOf(root.getMessage()).toLowerCase().contains("timeout")) {
            return NETWORK + ": timed out connecting (" + causeText(e) + ")";
        }
        return NETWORK + ": cannot connect: " + causeText(e);
    }

    /**
     * Failure after the TCP connection was open: during key exchange or authentication.
     *
     * @param hostKeyRejection why our known_hosts check refused the server's key, if it did
     * @param keysExchanged whether key exchange completed before the failure
     * @param negotiationFailure MINA's reason when no common algorithm was found
     */
    static String handshake(Throwable e, String user, Optional<String> hostKeyRejection, boolean keysExchanged,
                            Optional<Throwable> negotiationFailure) {
        if (hostKeyRejection.isPresent()) {
            return HOST_KEY + ": " + hostKeyRejection.get();
        }
        if (negotiationFailure.isPresent()) {
            return KEY_EXCHANGE + " (no algorithm both sides support): " + causeText(negotiationFailure.get());
        }
        int code = disconnectCode(e);
        if (code == SshConstants.SSH2_DISCONNECT_KEY_EXCHANGE_FAILED) {
            return KEY_EXCHANGE + ": " + causeText(e);
        }
        if (code == SshConstants.SSH2_DISCONNECT_HOST_KEY_NOT_VERIFIABLE) {
            return HOST_KEY + ": " + causeText(e);
        }
        if (!keysExchanged) {
            // The server hung up or went silent before keys were agreed: nothing about the password is known yet.
            return KEY_EXCHANGE + " (connection lost or timed out before keys were agreed): " + causeText(e);
        }
        return AUTHENTICATION + " for user " + user + " (password refused or login not allowed): " + causeText(e);
    }

    private static int disconnectCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SshException ssh && ssh.getDisconnectCode() != 0) {
                return ssh.getDisconnectCode();
            }
        }
        return 0;
    }

    static String causeText(Throwable e) {
        Throwable root = rootCause(e);
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
