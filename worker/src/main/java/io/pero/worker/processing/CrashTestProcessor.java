package io.pero.worker.processing;

import io.pero.proto.ProcessingRequest;
import java.util.function.IntConsumer;

/**
 * {@code [WORKER] CRASHTEST=<page_uuid>} (our extension, for fault tests): a request with that {@code page_uuid} halts
 * the JVM at once, as a native crash or the OOM killer would (no shutdown hook, no ack, no ZooKeeper close); every other
 * request passes unchanged. Proves that poison messages are bounded across process restarts.
 */
final class CrashTestProcessor implements RequestProcessor {
    /** The exit status of a halt on a marked request, so a test can tell it from any other exit. */
    static final int HALT_STATUS = 86;

    private final String markedPageUuid;
    private final IntConsumer halt;

    CrashTestProcessor(String markedPageUuid, IntConsumer halt) {
        this.markedPageUuid = markedPageUuid;
        this.halt = halt;
    }

    @Override
    public void process(ProcessingRequest.Builder request, StageLogger log) {
        if (markedPageUuid.equals(request.getPageUuid())) {
            halt.accept(HALT_STATUS);
        }
        log.info("Crash test: request {} passed unchanged", request.getUuid());
    }
}
