package io.pero.worker.zk;

/** A live worker holds this worker id: its ephemeral {@code connected} node did not expire (exit code 5). */
public final class WorkerIdInUseException extends RuntimeException {
    public WorkerIdInUseException(String message) {
        super(message);
    }
}
