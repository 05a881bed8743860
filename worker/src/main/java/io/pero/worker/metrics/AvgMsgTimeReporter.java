package io.pero.worker.metrics;

import io.pero.common.zk.KazooLock;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds batches of processing times into the stage's {@code avg_msg_time} (spec §6.8) under the kazoo-compatible lock
 * {@code avg_msg_time_lock} (identifier = worker id; 20 s timeout, one retry), on its own thread so processing never
 * waits for ZooKeeper.
 */
public final class AvgMsgTimeReporter implements Consumer<StatsBatch> {
    private static final Logger log = LoggerFactory.getLogger(AvgMsgTimeReporter.class);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(20);

    private final CuratorFramework zk;
    private final String workerId;
    private final ExecutorService executor;

    public AvgMsgTimeReporter(CuratorFramework zk, String workerId, ExecutorService executor) {
        this.zk = zk;
        this.workerId = workerId;
        this.executor = executor;
    }

    @Override
    public void accept(StatsBatch batch) {
        try {
            executor.execute(() -> update(batch));
        } catch (RejectedExecutionException e) {
            log.warn("statistics dropped after shutdown stage={} count={}", batch.stage(), batch.count());
        }
    }

    /** Waits up to {@code timeout} for queued updates, e.g. before shutdown. */
    public void drain(Duration timeout) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("statistics update unfinished at shutdown timeout_ms={}", timeout.toMillis());
            executor.shutdownNow();
        }
    }

    private void update(StatsBatch batch) {
        KazooLock lock = new KazooLock(zk, ZkPaths.stageAvgMsgTimeLock(batch.stage()), workerId);
        try {
            if (!lock.acquire(LOCK_TIMEOUT) && !lock.acquire(LOCK_TIMEOUT)) {
                log.warn("statistics not updated stage={} cause=lock not acquired in {} s twice", batch.stage(),
                        LOCK_TIMEOUT.toSeconds());
                return;
            }
            try {
                write(batch);
            } finally {
                lock.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("statistics not updated stage={} cause={}", batch.stage(), e.toString());
        }
    }

    private void write(StatsBatch batch) throws Exception {
        String path = ZkPaths.stageAvgMsgTime(batch.stage());
        Optional<Double> old;
        try {
            old = parse(ZkCodecs.text(zk.getData().forPath(path)));
        } catch (KeeperException.NoNodeException e) {
            log.warn("statistics not updated stage={} cause={} does not exist", batch.stage(), path);
            return;
        }
        double updated = AvgMsgTime.combine(old, batch.averageSeconds());
        zk.setData().forPath(path, ZkCodecs.text(ZkCodecs.floatHex(updated)));
        log.debug("avg_msg_time updated stage={} batch_count={} batch_avg_s={} old={} new={}", batch.stage(),
                batch.count(), batch.averageSeconds(), old.orElse(null), updated);
    }

    private static Optional<Double> parse(String text) {
        try {
            return ZkCodecs.parseFloatHex(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
