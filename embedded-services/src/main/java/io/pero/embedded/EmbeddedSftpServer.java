package io.pero.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SFTP server inside this JVM (Apache MINA SSHD), password auth for one user, files under {@code root}
 * (paths are relative to root, like a chrooted home). For tests and the local all-in-one mode.
 */
public final class EmbeddedSftpServer implements AutoCloseable {
    private static final String BIND_ADDRESS = "127.0.0.1";
    /**
     * SSHD's defaults without the post-quantum hybrids (ML-KEM, sntrup761): merely asking whether those are supported
     * loads classes from BouncyCastle's signed jar, whose verification costs about half a second of CPU at every start
     * (pero-local starts this server each run). Every client this server meets offers the classic ones.
     */
    private static final List<BuiltinDHFactories> KEY_EXCHANGES = List.of(BuiltinDHFactories.curve25519,
            BuiltinDHFactories.curve25519_libssh, BuiltinDHFactories.ecdhp256, BuiltinDHFactories.ecdhp384,
            BuiltinDHFactories.ecdhp521, BuiltinDHFactories.dhgex256, BuiltinDHFactories.dhg16_512,
            BuiltinDHFactories.dhg18_512, BuiltinDHFactories.dhg14_256);

    private final SshServer server;
    private final Path root;
    private final PublicKey hostKey;

    private EmbeddedSftpServer(SshServer server, Path root, PublicKey hostKey) {
        this.server = server;
        this.root = root;
        this.hostKey = hostKey;
    }

    /** The host key the server offers; real servers differ (hardened OpenSSH: ed25519 only; old ones: RSA only). */
    public enum HostKeyType {
        ECDSA(KeyUtils.EC_ALGORITHM, 256),
        ED25519(SecurityUtils.EDDSA, 256),
        RSA(KeyUtils.RSA_ALGORITHM, 3072);

        private final String algorithm;
        private final int size;

        HostKeyType(String algorithm, int size) {
            this.algorithm = algorithm;
            this.size = size;
        }
    }

    /** Starts on {@code port} (0 = any free port) on 127.0.0.1 with a generated ECDSA host key. */
    public static EmbeddedSftpServer start(int port, Path root, String user, String password) {
        return start(port, root, user, password, HostKeyType.ECDSA, server -> { });
    }

    /** As {@link #start(int, Path, String, String)}, offering only a host key of {@code hostKey}'s type. */
    public static EmbeddedSftpServer start(int port, Path root, String user, String password, HostKeyType hostKey) {
        return start(port, root, user, password, hostKey, server -> { });
    }

    /**
     * As above; {@code tuning} adjusts the server before it starts (e.g. restricts its key exchange algorithms,
     * to test what a client says when nothing matches).
     */
    public static EmbeddedSftpServer start(int port, Path root, String user, String password, HostKeyType hostKeyType,
                                           Consumer<SshServer> tuning) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        SshServer server = ServerBuilder.builder().keyExchangeFactories(
                NamedFactory.setUpTransformedFactories(true, KEY_EXCHANGES, ServerBuilder.DH2KEX)).build();
        try {
            Files.createDirectories(root);
            // No path given: the key lives in memory only, so no key file is left behind.
            SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
            keys.setAlgorithm(hostKeyType.algorithm);
            keys.setKeySize(hostKeyType.size);
            PublicKey hostKey = firstKey(keys.loadKeys(null)).getPublic();
            server.setHost(BIND_ADDRESS);
            server.setPort(port);
            server.setKeyPairProvider(keys);
            server.setPasswordAuthenticator((u, p, session) -> user.equals(u) && password.equals(p));
            server.setPublickeyAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
            tuning.accept(server);
            server.start();
            return new EmbeddedSftpServer(server, root, hostKey);
        } catch (IOException e) {
            closeQuietly(server);
            throw new IllegalStateException("cannot start embedded SFTP server port=" + port + " root=" + root + ": " + e, e);
        }
    }

    private static KeyPair firstKey(Iterable<KeyPair> keys) {
        Iterator<KeyPair> it = keys.iterator();
        if (!it.hasNext()) {
            throw new IllegalStateException("host key generator produced no key");
        }
        return it.next();
    }

    public int port() {
        return server.getPort();
    }

    public Path root() {
        return root;
    }

    /** The line a known_hosts file needs to trust this server: {@code [127.0.0.1]:port <type> <base64>}. */
    public String knownHostsLine() {
        return "[" + BIND_ADDRESS + "]:" + port() + " " + PublicKeyEntry.toString(hostKey);
    }

    /** Writes an OpenSSH known_hosts line for this server ({@code [127.0.0.1]:port key}) to {@code file}. */
    public void writeKnownHosts(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, knownHostsLine() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write known_hosts file " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded SFTP server port=" + port(), e);
        }
    }

    private static void closeQuietly(SshServer server) {
        try {
            server.stop(true);
        } catch (IOException | RuntimeException suppressed) {
            // Already failing to start; the original error is the one worth reporting.
        }
    }
}
