package io.pero.common.sftp;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Stage model archives on SFTP (Apache MINA SSHD client). Each operation opens a session on the first server
 * that accepts (list order) and closes it afterwards. Without a known-hosts file every host key is accepted and a
 * WARN names the risk once; with one, an unknown or changed key fails the operation.
 */
public final class SftpModelStore {
    public SftpModelStore(SftpSettings settings) {
        throw new UnsupportedOperationException("TODO(sftp helper)");
    }

    /** Downloads the file at exactly {@code remotePath} to {@code local}. */
    public void download(String remotePath, Path local) throws IOException {
        throw new UnsupportedOperationException("TODO(sftp helper)");
    }

    /** Uploads {@code local} to {@code remotePath}, creating parent directories. */
    public void upload(Path local, String remotePath) throws IOException {
        throw new UnsupportedOperationException("TODO(sftp helper)");
    }

    /** Removes the file, then its parent directories while they are empty (spec §4.3 sftp_remove_empty_dir). */
    public void removeFileAndEmptyParents(String remotePath) throws IOException {
        throw new UnsupportedOperationException("TODO(sftp helper)");
    }
}
