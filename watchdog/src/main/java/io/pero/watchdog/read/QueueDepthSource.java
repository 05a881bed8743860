package io.pero.watchdog.read;

import io.pero.watchdog.snapshot.QueueDepth;
import java.io.IOException;
import java.util.List;

/** Where queue depths come from. */
public interface QueueDepthSource extends AutoCloseable {
    /**
     * Depths of the queues of vhost {@code pero}: at least those of {@code stages} that exist in the broker.
     *
     * @throws io.pero.common.config.ServiceUnavailableException when no server answers
     * @throws IOException when a server answers with something unusable
     */
    List<QueueDepth> read(List<String> stages) throws IOException;

    /** Releases connections; idempotent. */
    @Override
    void close();
}
