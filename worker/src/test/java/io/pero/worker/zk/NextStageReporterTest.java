package io.pero.worker.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NextStageReporterTest {
    private final AtomicLong nanos = new AtomicLong();
    private final NextStageReporter reporter = new NextStageReporter(null, null, nanos::get);

    @Test
    void writesAtOnceForANewNextStageAndOtherwiseAtMostEveryFewSeconds() {
        assertEquals(Map.of("s2", 1L), reporter.count("s1", "s2"));
        assertNull(reporter.count("s1", "s2"), "same next stage, too soon");
        assertEquals(Map.of("s2", 2L, "out", 1L), reporter.count("s1", "out"), "a new next stage is written at once");
        nanos.addAndGet(NextStageReporter.WRITE_EVERY_NANOS);
        assertEquals(Map.of("s2", 3L, "out", 1L), reporter.count("s1", "s2"));
    }

    @Test
    void oldCountsFadeSoAChangedPipelineShowsSoon() {
        for (int i = 0; i < NextStageReporter.WINDOW; i++) {
            reporter.count("layout", "ocr_hw");
        }
        Map<String, Long> last = null;
        for (int i = 0; i < NextStageReporter.WINDOW; i++) {
            nanos.addAndGet(NextStageReporter.WRITE_EVERY_NANOS);
            last = reporter.count("layout", "ocr_print");
        }
        // After one window of printed pages the handwritten share has been halved at least twice.
        assertEquals(true, last.get("ocr_print") > 2 * last.getOrDefault("ocr_hw", 0L), last.toString());
    }
}
