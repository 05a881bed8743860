package io.pero.common.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage model archives on SFTP (Apache MINA SSHD client). Each operation opens a session on the first server
 * that accepts (list order) and closes it afterwards. Without a known-hosts file every host key is accepted and a
 * WARN names the risk once; with one, an unknown or changed key fails the operation.
 * <p>No server reachable throws {@link io.pero.common.config.ServiceUnavailableException} naming each server and why;
 * a missing remote file throws {@link NoSuchFileException}; other SFTP errors are {@link IOException}s naming the
 * path and server.
 */
public final class SftpModelStore {
    private static final Logger log = LoggerFactory.getLogger(SftpModelStore.class);

    private final SftpConnector connector;

    public SftpModelStore(SftpSettings settings) {
        this.connector = new SftpConnector(settings, new HostKeyPolicy(settings.knownHosts()));
    }

    /** Downloads the file at exactly {@code remotePath} to {@code local}. */
    public void download(String remotePath, Path local) throws IOException {
        String remote = RemotePaths.clean(remotePath);
        Path target = local.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // A partial download never sits under the final name.
        Path part = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
        try (SftpConnection c = connector.open("download " + remote)) {
            try (InputStream in = c.sftp().read(remote)) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            } catch (SftpException e) {
                throw failure("download", remote, c, e);
            }
            moveReplacing(part, target);
            log.debug("sftp file downloaded remote={} server={} local={}", remote, c.url(), target);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Uploads {@code local} to {@code remotePath}, creating parent directories. */
    public void upload(Path local, String remotePath) throws IOException {
        String remote = RemotePaths.clean(remotePath);
        if (!Files.isRegularFile(local)) {
            throw new NoSuchFileException(local.toString(), null, "not a regular file, cannot upload");
        }
        try (SftpConnection c = connector.open("upload " + remote)) {
            for (String dir : RemotePaths.ancestors(remote)) {
                ensureDirectory(c, dir, remote);
            }
            try (OutputStream out = c.sftp().write(remote)) {
                Files.copy(local, out);
            } catch (SftpException e) {
                throw failure("upload", remote, c, e);
            }
            log.debug("sftp file uploaded remote={} server={} local={}", remote, c.url(), local);
        }
    }

    /** Removes the file, then its parent directories while they are empty (spec §4.3 sftp_remove_empty_dir). */
    public void removeFileAndEmptyParents(String remotePath) throws IOException {
        String remote = RemotePaths.clean(remotePath);
        try (SftpConnection c = connector.open("remove " + remote)) {
            try {
                c.sftp().remove(remote);
            } catch (SftpException e) {
                throw failure("remove", remote, c, e);
            }
            pruneEmptyParents(c, remote);
            log.debug("sftp file removed remote={} server={}", remote, c.url());
        }
    }

    private static void pruneEmptyParents(SftpConnection c, String remote) throws IOException {
        for (Optional<String> dir = RemotePaths.parent(remote); dir.isPresent(); dir = RemotePaths.parent(dir.get())) {
            try {
                c.sftp().rmdir(dir.get());
            } catch (SftpException e) {
                // Not empty, missing or not ours: the original stops pruning here, and so do we.
                log.debug("sftp pruning stopped dir={} status={}", dir.get(), SftpConstants.getStatusName(e.getStatus()));
                return;
            }
        }
    }

    private static void ensureDirectory(SftpConnection c, String dir, String remote) throws IOException {
        SftpClient sftp = c.sftp();
        try {
            SftpClient.Attributes attrs = sftp.stat(dir);
            if (!attrs.isDirectory()) {
                throw new IOException("SFTP upload " + remote + " to " + c.url() + ": cannot create directory " + dir
                        + ", it exists and is not a directory");
            }
            return;
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                throw failure("upload", remote, c, e);
            }
        }
        try {
            sftp.mkdir(dir);
        } catch (SftpException e) {
            // Someone else may have created it meanwhile; that is as good as our own.
            if (!isDirectory(sftp, dir)) {
                throw new IOException("SFTP upload " + remote + " to " + c.url() + ": cannot create directory " + dir
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean isDirectory(SftpClient sftp, String dir) throws IOException {
        try {
            return sftp.stat(dir).isDirectory();
        } catch (SftpException e) {
            return false;
        }
    }

    private static IOException failure(String operation, String remote, SftpConnection c, SftpException e) {
        String where = "SFTP " + operation + " " + remote + " on " + c.url();
        if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
            NoSuchFileException missing = new NoSuchFileException(remote, null, where + ": no such file");
            missing.initCause(e);
            return missing;
        }
        return new IOException(where + ": " + e.getMessage(), e);
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
