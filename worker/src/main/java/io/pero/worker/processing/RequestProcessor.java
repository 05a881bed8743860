package io.pero.worker.processing;

import io.pero.proto.ProcessingRequest;

/**
 * Processes one request for the stage it was built for (spec §6.6). One instance serves one stage configuration and is
 * called from one thread at a time; it may hold heavy resources (a model on the GPU), released by {@link #close()} at the
 * next stage switch.
 */
public interface RequestProcessor extends AutoCloseable {

    /**
     * Adds or replaces results in {@code request} in place. The worker has already appended the request's {@code StageLog}
     * and fills its status and times; the processor only writes what it wants users to read into {@code log}.
     *
     * @throws Exception when processing failed; the request then goes to the output queue with status {@code Failed}
     */
    void process(ProcessingRequest.Builder request, StageLogger log) throws Exception;

    /** Releases what the processor holds; called once, at the next stage switch or shutdown. */
    @Override
    default void close() throws Exception {
    }
}
