package io.pero.worker.zk;

import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the worker's status (and the extension nodes {@code active_stage}, {@code switch_seconds}) without ever blocking
 * the caller: status changes are checked against {@link StatusTransitions}, the latest value of each node is kept, and one
 * writer thread writes them. While ZooKeeper is unreachable writes are held; {@link #reapply()} (on RECONNECTED) writes
 * every node again, since writes during the outage may have been lost.
 */
public final class StatusReporter {
    private static final Logger log = LoggerFactory.getLogger(StatusReporter.class);

    private final CuratorFramework zk;
    private final String workerId;
    private final ExecutorService writer;
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Map<String, String> latest = new LinkedHashMap<>();
    private final Set<String> pending = new LinkedHashSet<>();
    private WorkerStatus current = WorkerStatus.STARTING;

    public StatusReporter(CuratorFramework zk, String workerId, ExecutorService writer) {
        this.zk = zk;
        this.workerId = workerId;
        this.writer = writer;
    }

    public synchronized WorkerStatus current() {
        return current;
    }

    /** Changes the status if the table allows it; returns whether it changed. */
    public boolean set(WorkerStatus next) {
        synchronized (this) {
            if (!StatusTransitions.allowed(current, next)) {
                if (current != next) {
                    log.debug("status change refused from={} to={}", current, next);
                }
                return false;
            }
            log.debug("status from={} to={}", current, next);
            current = next;
            remember(ZkPaths.workerStatus(workerId), next.wire());
        }
        scheduleFlush();
        return true;
    }

    /** Changes the status only when it is one of {@code expected} (e.g. heal MQ_CONNECTION_FAILED, nothing else). */
    public synchronized boolean setIf(Set<WorkerStatus> expected, WorkerStatus next) {
        return expected.contains(current) && set(next);
    }

    /** Writes every node again, e.g. after a reconnect, when earlier writes may have been lost. */
    public void reapply() {
        synchronized (this) {
            pending.addAll(latest.keySet());
        }
        scheduleFlush();
    }

    /** Sets the status and waits up to {@code timeout} for it to be written (the final DEAD). */
    public void setAndWait(WorkerStatus next, Duration timeout) {
        set(next);
        try {
            writer.submit(this::flush).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("status not written worker_id={} status={} cause={}", workerId, next, e.toString());
        }
        synchronized (this) {
            if (!pending.isEmpty()) {
                log.warn("status not written worker_id={} status={} cause=ZooKeeper unreachable", workerId, next);
            }
        }
    }

    /** Records the extension nodes the watchdog reads: the served stage and how long switching to it took. */
    public void recordSwitch(String stage, Duration took) {
        synchronized (this) {
            remember(ZkPaths.workerActiveStage(workerId), stage);
            remember(ZkPaths.workerSwitchSeconds(workerId), String.format(Locale.ROOT, "%.3f", took.toNanos() / 1e9));
        }
        scheduleFlush();
    }

    /** Extension node {@code config_failure}: why configuring {@code stage} at {@code version} failed (3 lines). */
    public void recordConfigFailure(String stage, String version, String reason) {
        synchronized (this) {
            remember(ZkPaths.workerConfigFailure(workerId), stage + "\n" + version + "\n" + reason);
        }
        scheduleFlush();
    }

    /** The last configuration succeeded: {@code config_failure} empty. */
    public void clearConfigFailure() {
        synchronized (this) {
            if ("".equals(latest.get(ZkPaths.workerConfigFailure(workerId)))) {
                return; // cleared already: no write per switch (the first one clears a reason left by an earlier run)
            }
            remember(ZkPaths.workerConfigFailure(workerId), "");
        }
        scheduleFlush();
    }

    /** Clears the served stage (failed switch, nothing assigned). */
    public void clearActiveStage() {
        synchronized (this) {
            remember(ZkPaths.workerActiveStage(workerId), "");
        }
        scheduleFlush();
    }

    private void remember(String path, String value) {
        latest.put(path, value);
        pending.add(path);
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            try {
                writer.execute(this::flush);
            } catch (RejectedExecutionException e) {
                // Only after close, when the final status has been written already.
                flushScheduled.set(false);
            }
        }
    }

    private void flush() {
        flushScheduled.set(false);
        if (!zk.getZookeeperClient().isConnected()) {
            return;
        }
        for (String path : snapshotPending()) {
            String value;
            synchronized (this) {
                value = latest.get(path);
                pending.remove(path);
            }
            if (!write(path, value)) {
                synchronized (this) {
                    pending.add(path);
                }
                return;
            }
        }
    }

    private synchronized Set<String> snapshotPending() {
        return new LinkedHashSet<>(pending);
    }

    private boolean write(String path, String value) {
        byte[] data = ZkCodecs.text(value);
        try {
            // The nodes exist after registration: setData is one round trip, where create-or-set is a failed create
            // plus a setData every time.
            try {
                zk.setData().forPath(path, data);
            } catch (KeeperException.NoNodeException e) {
                try {
                    zk.create().creatingParentsIfNeeded().forPath(path, data);
                } catch (KeeperException.NodeExistsException raced) {
                    zk.setData().forPath(path, data);
                }
            }
            return true;
        } catch (Exception e) {
            log.warn("znode write held until reconnect path={} cause={}", path, e.toString());
            return false;
        }
    }
}
