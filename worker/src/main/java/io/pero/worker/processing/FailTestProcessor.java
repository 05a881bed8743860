package io.pero.worker.processing;

import io.pero.proto.ProcessingRequest;

/** Always fails ({@code [WORKER] FAILTEST}, spec §6.6): exercises the failure path end to end. */
final class FailTestProcessor implements RequestProcessor {
    static final String MESSAGE = "Simulated processing failure";

    @Override
    public void process(ProcessingRequest.Builder request, StageLogger log) {
        log.error("{} in stage {}", MESSAGE, request.getProcessingStagesCount() > 0 ? request.getProcessingStages(0) : "?");
        throw new RuntimeException(MESSAGE);
    }
}
