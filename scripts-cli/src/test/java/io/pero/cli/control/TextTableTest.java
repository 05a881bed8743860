package io.pero.cli.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pero.common.status.WorkerStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextTableTest {
    private static final String NL = System.lineSeparator();

    @Test
    void padsColumnsToTheWidestCellRightAlignsNumbersAndLeavesNoTrailingSpace() {
        String table = new TextTable(List.of("NAME", "COUNT", "NOTE"), 1)
                .row("ocr", "12", "")
                .row("layout_analysis", "3", "busy")
                .render();
        assertEquals("NAME             COUNT  NOTE" + NL
                + "ocr                 12" + NL
                + "layout_analysis      3  busy" + NL, table);
    }

    @Test
    void aRowMustHaveOneCellPerColumn() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable(List.of("A", "B")).row("only one"));
    }

    @Test
    void statusTableShowsEveryWorkerWithDashesForEmptyValues() {
        String table = StatusView.render(List.of(
                new WorkerRecord("w1", WorkerStatus.PROCESSING, "ocr", true, "true"),
                new WorkerRecord("a-long-worker-id", WorkerStatus.ZK_CONNECTION_FAILED, "", false, "")));
        assertEquals("WORKER            STATUS                QUEUE  CONNECTED  ENABLED" + NL
                + "w1                PROCESSING            ocr    yes        true" + NL
                + "a-long-worker-id  ZK_CONNECTION_FAILED  -      no         -" + NL, table);
    }

    @Test
    void queueTableCountsAssignedWorkersAndMarksQueuesWithoutStage() {
        String table = QueueView.render(List.of(new QueueView.Depth("ocr", 120), new QueueView.Depth("out", 7)), Set.of("ocr"),
                List.of(new WorkerRecord("w1", WorkerStatus.IDLE, "ocr", true, "true"),
                        new WorkerRecord("w2", WorkerStatus.DEAD, "ocr", false, "false")));
        assertEquals("QUEUE  MESSAGES  WORKERS  NOTE" + NL
                + "ocr         120        2" + NL
                + "out           7        0  not a processing queue" + NL, table);
    }

    @Test
    void emptyClustersSaySo() {
        assertEquals("no workers registered" + NL, StatusView.render(List.of()));
        assertEquals("no queues in vhost pero" + NL, QueueView.render(List.of(), Set.of(), List.of()));
    }
}
