package io.pero.worker.zk;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;

/** Waits for a znode to disappear, woken by a watch rather than polling. */
final class NodeDeletion {
    private NodeDeletion() {
    }

    /** True once {@code path} does not exist; false if it still exists after {@code timeout}. */
    static boolean await(CuratorFramework zk, String path, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CountDownLatch changed = new CountDownLatch(1);
            // Any event (deletion, data change, connection change) re-checks; a watch fires once.
            if (zk.checkExists().usingWatcher((CuratorWatcher) e -> changed.countDown())
                    .forPath(path) == null) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !changed.await(left, TimeUnit.NANOSECONDS)) {
                return zk.checkExists().forPath(path) == null;
            }
        }
    }
}
