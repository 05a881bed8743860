package io.pero.cli.control;

import io.pero.cli.ZkNodes;
import io.pero.common.status.WorkerStatus;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads every registered worker from {@code /pero/worker/status}. */
final class WorkerRecords {
    private final ZkNodes zk;

    WorkerRecords(ZkNodes zk) {
        this.zk = zk;
    }

    List<WorkerRecord> all() throws Exception {
        List<WorkerRecord> workers = new ArrayList<>();
        for (String id : zk.children(ZkPaths.WORKER_STATUS)) {
            Optional<WorkerStatus> written = zk.read(ZkPaths.workerStatus(id)).map(ZkCodecs::text).flatMap(WorkerStatus::parse);
            boolean connected = zk.exists(ZkPaths.workerConnected(id));
            // As controller.py: an unreadable record is PROCESSING_FAILED, whether or not the worker is connected.
            WorkerStatus status = written.map(s -> WorkerStatus.effective(s, connected)).orElse(WorkerStatus.PROCESSING_FAILED);
            workers.add(new WorkerRecord(id, status, text(ZkPaths.workerQueue(id)), connected, text(ZkPaths.workerEnabled(id))));
        }
        return workers;
    }

    private String text(String path) throws Exception {
        return zk.read(path).map(ZkCodecs::text).orElse("").trim();
    }
}
