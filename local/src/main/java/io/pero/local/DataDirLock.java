package io.pero.local;

import io.pero.common.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One pero-local per data directory: its broker store, ZooKeeper data and run journal belong to one run at a time (two
 * ZooKeeper servers on one data directory corrupt it; Derby refuses the second broker only after the rest started).
 * Holding the lock also tells the run that whatever a previous run left in ZooKeeper under this directory's own worker
 * ids belongs to a process that is gone. An OS file lock: released by the kernel when the holder dies, even by kill -9,
 * so a crashed run never blocks the next one.
 */
final class DataDirLock implements AutoCloseable {
    static final String FILE = "pero-local.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dataDir} (created if missing), or fails at once naming the process that holds it. */
    static DataDirLock acquire(Path dataDir) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this JVM
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new ConfigException("pero-local: --data-dir " + dataDir + " is in use by another pero-local"
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; one run per data directory");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ConfigException("pero-local: cannot use --data-dir " + dataDir + ": " + FileErrors.describe(e), e);
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the open failed or the lock was refused; nothing to keep
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
