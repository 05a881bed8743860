package io.pero.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.testing.TestBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Smoke test only: the benchmark runs end to end on a tiny load and cleans up. Speed is not asserted here. */
class PipelineBenchIT {
    @Test
    void allRequestsReachTheOutputAndBothFiguresArePrinted() {
        TestBroker broker = TestBroker.get();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.run(new PrintWriter(out, true), new PrintWriter(err, true), "pipeline", "--messages", "200",
                "--workers", "2", "--mq", broker.host() + ":" + broker.port(), "--stall-timeout", "30");
        assertEquals(0, code, out + "\n" + err);
        String report = out.toString();
        // The pipeline line is printed only once all 200 requests are counted in the output queue.
        assertTrue(report.contains("pipeline: 2 stages x 200 msgs, 2 workers (1 on stage 1, 1 on stage 2)"), report);
        assertTrue(report.contains("perftest: 2 queues, 2 producers + 2 consumers"), report);
        assertTrue(report.contains("ratio: "), report);
        Matcher queues = Pattern.compile("queues (\\S+) -> (\\S+) -> (\\S+),").matcher(report);
        assertTrue(queues.find(), report);
        for (int i = 1; i <= 3; i++) {
            String q = queues.group(i);
            assertThrows(IllegalStateException.class, () -> broker.messageCount(q), "queue " + q + " deleted after the run");
        }
    }
}
