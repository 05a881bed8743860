package io.pero.worker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void batchIsReportedAtTheEleventhSuccess() {
        BatchAccumulator batch = new BatchAccumulator("ocr", BatchAccumulator.ORIGINAL_BATCH_LIMIT);
        for (int i = 0; i < 10; i++) {
            assertTrue(batch.add(2.0).isEmpty(), "no report before the 11th");
        }
        StatsBatch reported = batch.add(2.0).orElseThrow();
        assertEquals(new StatsBatch("ocr", 11, 22.0), reported);
        assertEquals(2.0, reported.averageSeconds(), 1e-12);
        assertEquals(Optional.empty(), batch.drain(), "a new batch starts");
    }

    @Test
    void restIsReportedWhenConsumptionStops() {
        BatchAccumulator batch = new BatchAccumulator("ocr", 10);
        batch.add(1.0);
        batch.add(3.0);
        assertEquals(Optional.of(new StatsBatch("ocr", 2, 4.0)), batch.drain());
    }

    @Test
    void newAverageIsTheMeanOfOldAndBatchNotTheOriginalsPrecedenceBug() {
        assertEquals(7.0, AvgMsgTime.combine(Optional.of(10.0), 4.0), 1e-12); // original: 4 + 10/2 = 9
        assertEquals(4.0, AvgMsgTime.combine(Optional.empty(), 4.0), 1e-12);
        assertEquals(4.0, AvgMsgTime.combine(Optional.of(Double.NaN), 4.0), 1e-12);
    }
}
