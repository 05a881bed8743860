package io.pero.common.mq.management;

import io.pero.common.mq.QueueTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the RabbitMQ management API's queue list ({@code GET /api/queues} or {@code /api/queues/pero}): name and
 * {@code messages} (ready + unacknowledged) of each queue of vhost {@code pero}, in the order the broker listed them.
 * Shared by the watchdog and the controller.
 */
public final class ManagementQueues {
    /** One queue's depth as the management API reports it. */
    public record QueueMessages(String name, long messages) {
    }

    /**
     * One queue's counts: {@code messages} = ready + unacknowledged. The broker refreshes them every few seconds
     * ({@code collect_statistics_interval}), so they lag; a passive declare gives a fresh ready count.
     */
    public record QueueCounts(String name, long messages, long ready, long unacknowledged) {
    }

    private ManagementQueues() {
    }

    /**
     * A queue whose statistics are not published yet (no {@code messages} member, right after creation) counts as empty.
     *
     * @throws IllegalArgumentException when the body is not a JSON array of queue objects
     */
    public static List<QueueMessages> parse(String body) {
        if (!(Json.parse(body) instanceof List<?> items)) {
            throw new IllegalArgumentException("expected a JSON array of queues");
        }
        List<QueueMessages> queues = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> queue) || !(queue.get("name") instanceof String name)) {
                throw new IllegalArgumentException("expected queue objects with a name");
            }
            // Differs from the original: queues of other vhosts are left out (spec §12 item 6).
            if (queue.get("vhost") instanceof String vhost && !vhost.equals(QueueTopology.VHOST)) {
                continue;
            }
            long messages = queue.get("messages") instanceof Double d ? Math.max(0, d.longValue()) : 0;
            queues.add(new QueueMessages(name, messages));
        }
        return queues;
    }

    /** As {@link #parse}, with the ready and unacknowledged counts (0 when not published yet). */
    public static List<QueueCounts> parseCounts(String body) {
        if (!(Json.parse(body) instanceof List<?> items)) {
            throw new IllegalArgumentException("expected a JSON array of queues");
        }
        List<QueueCounts> queues = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> queue) || !(queue.get("name") instanceof String name)) {
                throw new IllegalArgumentException("expected queue objects with a name");
            }
            if (queue.get("vhost") instanceof String vhost && !vhost.equals(QueueTopology.VHOST)) {
                continue;
            }
            queues.add(new QueueCounts(name, count(queue, "messages"), count(queue, "messages_ready"),
                    count(queue, "messages_unacknowledged")));
        }
        return queues;
    }

    private static long count(Map<?, ?> queue, String key) {
        return queue.get(key) instanceof Double d ? Math.max(0, d.longValue()) : 0;
    }
}
