package io.pero.watchdog.events;

import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

/**
 * Watches {@code /pero/worker/status} with a Curator cache and signals the events that can change the best assignment: a
 * worker writes IDLE (its queue ran dry, or its switch finished) or a failure status, a worker's ephemeral
 * {@code connected} node appears (a worker joined) or disappears (it died or lost its session).
 */
public final class WorkerEvents implements AutoCloseable {
    private static final String STATUS = "/status";
    private static final String CONNECTED = "/connected";

    private final CuratorCache cache;

    public WorkerEvents(CuratorFramework zk, ReplanTrigger trigger) {
        this.cache = CuratorCache.build(zk, ZkPaths.WORKER_STATUS);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreatesAndChanges((before, after) -> reason(after).ifPresent(trigger::signal))
                .forDeletes(node -> {
                    if (node.getPath().endsWith(CONNECTED)) {
                        trigger.signal("worker disconnected " + workerId(node.getPath()));
                    }
                })
                .build());
    }

    public void start() {
        cache.start();
    }

    /** The event a created or changed node stands for, if any; pure, for tests. */
    static Optional<String> reason(ChildData node) {
        String path = node.getPath();
        if (path.endsWith(STATUS + CONNECTED)) {
            return Optional.of("worker connected " + workerId(path));
        }
        if (path.endsWith(STATUS) && !path.equals(ZkPaths.WORKER_STATUS)) {
            Optional<WorkerStatus> status = WorkerStatus.parse(ZkCodecs.text(node.getData() == null ? new byte[0] : node.getData()));
            if (status.filter(s -> s == WorkerStatus.IDLE || WorkerStatus.FAILURE.contains(s)).isPresent()) {
                return Optional.of("worker " + status.get() + " " + workerId(path));
            }
        }
        return Optional.empty();
    }

    /** {@code /pero/worker/status/<id>/...} → {@code <id>}. */
    private static String workerId(String path) {
        String rest = path.substring(Math.min(path.length(), ZkPaths.WORKER_STATUS.length() + 1));
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    @Override
    public void close() {
        cache.close();
    }
}
