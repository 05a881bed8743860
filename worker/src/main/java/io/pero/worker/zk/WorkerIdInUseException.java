package io.pero.worker.zk;

import io.pero.common.cli.Failures;
import io.pero.common.config.ExitCodes;

/** A live worker holds this worker id: its ephemeral {@code connected} node did not expire (exit code 5). */
public final class WorkerIdInUseException extends RuntimeException implements Failures.WithExitCode {
    public WorkerIdInUseException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.ID_IN_USE;
    }
}
