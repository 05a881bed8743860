package io.pero.worker.mq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProcessingSummaryTest {
    @Test
    void oneLinePerMinuteWithCountsAndRate() {
        AtomicLong nanos = new AtomicLong();
        ProcessingSummary summary = new ProcessingSummary("ocr", nanos::get);
        assertEquals(Optional.empty(), summary.count(true));
        assertEquals(Optional.empty(), summary.count(false));
        nanos.set(ProcessingSummary.EVERY_NANOS);
        assertEquals(Optional.of("processing summary stage=ocr processed=2 failed=1 seconds=60 rate_per_s=0.1"),
                summary.count(true));
        assertEquals(Optional.empty(), summary.count(true), "counts restart after a summary");
    }
}
