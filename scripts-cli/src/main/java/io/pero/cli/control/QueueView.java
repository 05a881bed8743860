package io.pero.cli.control;

import java.util.List;
import java.util.Set;

/**
 * {@code --queues}: messages per queue of vhost pero and how many workers are assigned to it; queues without a stage in
 * ZooKeeper (output and log queues) are marked "not a processing queue" as the original does (spec §9.5).
 */
final class QueueView {
    /** One broker queue and its message count (ready + unacknowledged from the management API, ready only via AMQP). */
    record Depth(String queue, long messages) {
    }

    private QueueView() {
    }

    static String render(List<Depth> depths, Set<String> stages, List<WorkerRecord> workers) {
        TextTable table = new TextTable(List.of("QUEUE", "MESSAGES", "WORKERS", "NOTE"), 1, 2);
        for (Depth d : depths) {
            long assigned = workers.stream().filter(w -> w.queue().equals(d.queue())).count();
            table.row(d.queue(), Long.toString(d.messages()), Long.toString(assigned),
                    stages.contains(d.queue()) ? "" : "not a processing queue");
        }
        return depths.isEmpty() ? "no queues in vhost pero" + System.lineSeparator() : table.render();
    }
}
