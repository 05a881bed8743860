package io.pero.watchdog.read;

import io.pero.common.mq.QueueTopology;
import io.pero.watchdog.snapshot.QueueDepth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@code GET /api/queues/pero}: name and {@code messages} (ready + unacknowledged) of each queue of vhost pero. */
final class ManagementQueueList {
    private ManagementQueueList() {
    }

    /**
     * Queues in the order the broker listed them. A queue whose statistics are not published yet (no {@code messages}
     * member, right after creation) counts as empty.
     *
     * @throws IllegalArgumentException when the body is not a JSON array of queue objects
     */
    static List<QueueDepth> parse(String body) {
        if (!(Json.parse(body) instanceof List<?> items)) {
            throw new IllegalArgumentException("expected a JSON array of queues");
        }
        List<QueueDepth> queues = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> queue) || !(queue.get("name") instanceof String name)) {
                throw new IllegalArgumentException("expected queue objects with a name");
            }
            // Differs from the original: queues of other vhosts are left out (spec §12 item 6).
            if (queue.get("vhost") instanceof String vhost && !vhost.equals(QueueTopology.VHOST)) {
                continue;
            }
            long messages = queue.get("messages") instanceof Double d ? Math.max(0, d.longValue()) : 0;
            queues.add(new QueueDepth(name, messages));
        }
        return queues;
    }
}
