package io.pero.bench;

import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.worker.WorkerMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workers running {@link WorkerMain#run(String...)} on threads of this JVM, each with its own id. They are steered only
 * through ZooKeeper, as the watchdog would: {@code queue} assigns a stage, {@code enabled=false} stops them.
 */
final class InJvmWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InJvmWorkers.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MS = 20;

    private final CuratorFramework zk;
    private final Path workerIni;
    private final String idPrefix;
    private final List<String> ids = new ArrayList<>();
    private final List<CompletableFuture<Integer>> runs = new ArrayList<>();

    InJvmWorkers(CuratorFramework zk, Path workerIni, String idPrefix) {
        this.zk = zk;
        this.workerIni = workerIni;
        this.idPrefix = idPrefix;
    }

    void start(int count) {
        for (int i = 1; i <= count; i++) {
            String id = idPrefix + "-w" + i;
            ids.add(id);
            CompletableFuture<Integer> run = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    run.complete(WorkerMain.run("-c", workerIni.toString(), "-i", id));
                } catch (Throwable e) {
                    run.completeExceptionally(e);
                }
            }, "pero-bench-worker-" + i);
            t.setDaemon(true);
            t.start();
            runs.add(run);
        }
    }

    List<String> ids() {
        return List.copyOf(ids);
    }

    /** Waits until every worker reports one of {@code statuses}; fails early if a worker exits. */
    void awaitAll(Set<WorkerStatus> statuses, Duration timeout) throws InterruptedException, TimeoutException {
        awaitCondition(timeout, () -> ids.stream().allMatch(id -> status(id).filter(statuses::contains).isPresent()),
                "all workers in " + statuses);
    }

    /** Writes each worker's {@code queue} znode; the worker switches to that stage. */
    void assign(Map<String, String> stageByWorker) throws Exception {
        for (Map.Entry<String, String> e : stageByWorker.entrySet()) {
            zk.create().orSetData().creatingParentsIfNeeded().forPath(ZkPaths.workerQueue(e.getKey()), ZkCodecs.text(e.getValue()));
        }
    }

    /** {@code id=STATUS} for every worker, for diagnostics. */
    String describe() {
        return ids.stream().map(id -> id + "=" + status(id).map(Enum::name).orElse("?")).collect(Collectors.joining(", "));
    }

    /** Sets {@code enabled=false}, waits for every run to return, then removes the workers' znodes. */
    @Override
    public void close() {
        for (String id : ids) {
            try {
                zk.create().orSetData().creatingParentsIfNeeded().forPath(ZkPaths.workerEnabled(id), ZkCodecs.text("false"));
            } catch (Exception e) {
                log.warn("cannot disable worker id={} cause={}", id, e.toString());
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            try {
                int code = runs.get(i).get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (code != 0) {
                    log.warn("worker ended with a non-zero exit code id={} code={}", ids.get(i), code);
                }
            } catch (Exception e) {
                log.warn("worker did not stop cleanly id={} cause={}", ids.get(i), e.toString());
            }
        }
        for (String id : ids) {
            try {
                zk.delete().quietly().deletingChildrenIfNeeded().forPath(ZkPaths.worker(id));
            } catch (Exception e) {
                log.warn("cannot delete worker znodes id={} cause={}", id, e.toString());
            }
        }
    }

    private Optional<WorkerStatus> status(String id) {
        try {
            byte[] data = zk.getData().forPath(ZkPaths.workerStatus(id));
            return WorkerStatus.parse(ZkCodecs.text(data));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private void awaitCondition(Duration timeout, BooleanSupplier condition, String what)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            for (int i = 0; i < runs.size(); i++) {
                if (runs.get(i).isDone()) {
                    throw new IllegalStateException("worker " + ids.get(i) + " ended while waiting for " + what + ": "
                            + runs.get(i).handle((code, e) -> e != null ? e.toString() : "exit code " + code).join());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("timed out after " + timeout.toSeconds() + "s waiting for " + what + ": " + describe());
            }
            Thread.sleep(POLL_MS);
        }
    }
}
