package io.pero.common.sftp;

import io.pero.common.config.ConfigException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which SFTP host keys we trust: those in a known_hosts file, or (without one) any key, with a warning. */
final class HostKeyPolicy {
    private static final Logger log = LoggerFactory.getLogger(HostKeyPolicy.class);
    // Once per process, not per store: the risk is the same however many stores a process builds.
    private static final AtomicBoolean ACCEPT_ANY_WARNED = new AtomicBoolean();

    private final Optional<Path> knownHosts;

    HostKeyPolicy(Optional<Path> knownHosts) {
        this.knownHosts = knownHosts;
        if (knownHosts.isPresent() && !Files.isReadable(knownHosts.get())) {
            throw new ConfigException("SFTP known_hosts file not found or not readable: " + knownHosts.get());
        }
        if (knownHosts.isEmpty() && ACCEPT_ANY_WARNED.compareAndSet(false, true)) {
            log.warn("sftp host keys not verified: no known_hosts file configured, any server key is accepted, "
                    + "so a man-in-the-middle could serve forged models risk=mitm");
        }
    }

    /** A verifier for one connection attempt; it remembers why it rejected a key. */
    Verifier newVerifier() {
        return new Verifier(knownHosts);
    }

    static final class Verifier implements ServerKeyVerifier {
        private final KnownHostsServerKeyVerifier knownHostsVerifier;
        private final Path file;
        private volatile String rejection;

        private Verifier(Optional<Path> knownHosts) {
            this.file = knownHosts.orElse(null);
            this.knownHostsVerifier = file == null ? null : recordingVerifier(file);
        }

        private KnownHostsServerKeyVerifier recordingVerifier(Path knownHostsFile) {
            // Unknown hosts go to the reject-all delegate, so the file is never appended to.
            KnownHostsServerKeyVerifier v = new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
                    knownHostsFile) {
                @Override
                protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
                    rejection = "host key " + describe(key) + " is not listed in known_hosts file " + knownHostsFile;
                    return false;
                }
            };
            v.setModifiedServerKeyAcceptor(this::rejectModified);
            return v;
        }

        private boolean rejectModified(ClientSession session, SocketAddress remote, KnownHostEntry entry,
                                       PublicKey expected, PublicKey actual) {
            rejection = "host key " + describe(actual) + " does not match " + describe(expected) + " in known_hosts file "
                    + file + " (changed key or man-in-the-middle)";
            return false;
        }

        @Override
        public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
            // Differs from the original: with a known_hosts file host keys are verified (the original accepted any, §12.18).
            if (knownHostsVerifier == null) {
                return true;
            }
            boolean accepted = knownHostsVerifier.verifyServerKey(session, remote, key);
            if (!accepted && rejection == null) {
                rejection = "host key " + describe(key) + " rejected by known_hosts file " + file;
            }
            return accepted;
        }

        /** Why the last key was rejected, if it was. */
        Optional<String> rejection() {
            return Optional.ofNullable(rejection);
        }

        private static String describe(PublicKey key) {
            return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
        }
    }
}
