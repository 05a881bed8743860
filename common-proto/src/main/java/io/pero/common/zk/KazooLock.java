package io.pero.common.zk;

import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;

/**
 * The kazoo {@code Lock} recipe (spec §3.2, §14), so Java and Python workers exclude each other on
 * {@code avg_msg_time_lock}: ephemeral sequential children {@code <uuid4hex>__lock__<10-digit seq>} with the
 * identifier as data; the lowest sequence (sorted by the suffix after {@code __lock__}) holds the lock.
 * Curator's InterProcessMutex names nodes differently and would not exclude kazoo clients.
 */
public final class KazooLock {
    public KazooLock(CuratorFramework client, String lockPath, String identifier) {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }

    /** Waits up to {@code timeout}; true when held. On false or exception nothing is left behind. */
    public boolean acquire(Duration timeout) throws Exception {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }

    /** Releases the lock if held; idempotent. */
    public void release() throws Exception {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }
}
