package io.pero.cli.control;

import io.pero.common.cli.CommandFailedException;
import io.pero.cli.ZkNodes;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;

/** The controller's writes (spec §9.5): assign a stage, request shutdown, delete a worker's record. */
final class WorkerControl {
    private final ZkNodes zk;

    WorkerControl(ZkNodes zk) {
        this.zk = zk;
    }

    /** Sets the worker's {@code queue} after checking that the worker is registered and the stage is configured. */
    void switchTo(String workerId, String stage) throws Exception {
        requireWorker(workerId);
        if (!validName(stage) || !zk.exists(ZkPaths.stage(stage))) {
            throw new CommandFailedException("switch " + workerId + " to " + stage + ": no such stage under " + ZkPaths.QUEUES);
        }
        zk.set(ZkPaths.workerQueue(workerId), ZkCodecs.text(stage));
    }

    /** Sets {@code enabled} to {@code false}: the worker finishes its message in hand and stops. */
    void shutdown(String workerId) throws Exception {
        requireWorker(workerId);
        zk.set(ZkPaths.workerEnabled(workerId), ZkCodecs.text("false"));
    }

    /** Deletes {@code /pero/worker/status/<id>} and everything under it; true when the worker was still connected. */
    boolean remove(String workerId) throws Exception {
        requireWorker(workerId);
        boolean connected = zk.exists(ZkPaths.workerConnected(workerId));
        zk.deleteRecursively(ZkPaths.worker(workerId));
        return connected;
    }

    private void requireWorker(String workerId) throws Exception {
        if (!validName(workerId) || !zk.exists(ZkPaths.worker(workerId))) {
            throw new CommandFailedException(workerId + ": no such worker under " + ZkPaths.WORKER_STATUS);
        }
    }

    private static boolean validName(String name) {
        return !name.isEmpty() && !name.contains("/");
    }
}
