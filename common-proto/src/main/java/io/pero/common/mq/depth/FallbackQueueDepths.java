package io.pero.common.mq.depth;

import io.pero.common.config.ServiceUnavailableException;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management API first; when it is not configured or does not answer, AMQP passive declares. Switching either way is
 * logged once, not every cycle.
 */
public final class FallbackQueueDepths implements QueueDepthSource {
    private static final Logger log = LoggerFactory.getLogger(FallbackQueueDepths.class);

    private final QueueDepthSource primary;
    private final QueueDepthSource fallback;
    private boolean usingFallback;

    public FallbackQueueDepths(QueueDepthSource primary, QueueDepthSource fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public synchronized List<QueueDepth> read(List<String> stages) throws IOException {
        try {
            List<QueueDepth> depths = primary.read(stages);
            if (usingFallback) {
                usingFallback = false;
                log.info("queue depths from the management API again");
            }
            return depths;
        } catch (ServiceUnavailableException | IOException e) {
            if (!usingFallback) {
                usingFallback = true;
                log.warn("queue depths from AMQP passive declares (unacknowledged messages not counted) cause={}", e.getMessage());
            }
            return fallback.read(stages);
        }
    }

    @Override
    public void close() {
        primary.close();
        fallback.close();
    }
}
