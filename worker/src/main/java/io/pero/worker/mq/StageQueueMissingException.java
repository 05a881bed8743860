package io.pero.worker.mq;

import java.io.IOException;

/** The stage queue does not exist, so the stage cannot be served until someone declares it. */
public final class StageQueueMissingException extends IOException {
    public StageQueueMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
