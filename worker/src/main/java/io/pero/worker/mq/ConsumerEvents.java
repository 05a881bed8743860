package io.pero.worker.mq;

/** What a {@link StageConsumer} reports when it stops on its own. */
public interface ConsumerEvents {
    /** Why consumption ended without being asked to. */
    enum EndReason {
        /** More consecutive processing failures than allowed: wait for manual recovery (spec §6.5). */
        ERROR_LIMIT,
        /** The broker cancelled the consumer, e.g. the stage queue was deleted. */
        CANCELLED_BY_BROKER,
        /** The broker closed the channel over an error (a bug, logged with reply code and text). */
        CHANNEL_CLOSED
    }

    void consumingEnded(StageConsumer consumer, String stage, EndReason reason);
}
