package io.pero.embedded;

import java.nio.file.Path;

/**
 * An SFTP server inside this JVM (Apache MINA SSHD), password auth for one user, files under {@code root}
 * (paths are relative to root, like a chrooted home). For tests and the local all-in-one mode.
 */
public final class EmbeddedSftpServer implements AutoCloseable {
    /** Starts on {@code port} (0 = any free port) on 127.0.0.1 with a generated host key. */
    public static EmbeddedSftpServer start(int port, Path root, String user, String password) {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    public int port() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    public Path root() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    /** Writes an OpenSSH known_hosts line for this server ({@code [127.0.0.1]:port key}) to {@code file}. */
    public void writeKnownHosts(Path file) {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }
}
