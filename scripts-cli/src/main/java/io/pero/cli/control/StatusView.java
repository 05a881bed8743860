package io.pero.cli.control;

import java.util.List;

/** {@code --status}: one row per worker (spec §9.5), as an aligned table. */
final class StatusView {
    private StatusView() {
    }

    static String render(List<WorkerRecord> workers) {
        TextTable table = new TextTable(List.of("WORKER", "STATUS", "QUEUE", "CONNECTED", "ENABLED"));
        for (WorkerRecord w : workers) {
            table.row(w.id(), w.status().wire(), w.queue().isEmpty() ? "-" : w.queue(), w.connected() ? "yes" : "no",
                    w.enabled().isEmpty() ? "-" : w.enabled());
        }
        return workers.isEmpty() ? "no workers registered" + System.lineSeparator() : table.render();
    }
}
