package io.pero.watchdog.read;

import io.pero.common.mq.management.ManagementQueues;
import io.pero.watchdog.snapshot.QueueDepth;
import java.util.List;

/** Reads {@code GET /api/queues/pero}: name and {@code messages} (ready + unacknowledged) of each queue of vhost pero. */
final class ManagementQueueList {
    private ManagementQueueList() {
    }

    /** @throws IllegalArgumentException when the body is not a JSON array of queue objects */
    static List<QueueDepth> parse(String body) {
        return ManagementQueues.parseCounts(body).stream()
                .map(q -> new QueueDepth(q.name(), q.messages(), Math.min(q.ready(), q.messages()))).toList();
    }
}
