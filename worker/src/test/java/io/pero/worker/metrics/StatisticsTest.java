package io.pero.worker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.worker.TestClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private final TestClock clock = new TestClock();

    private BatchAccumulator accumulator() {
        return new BatchAccumulator("ocr", BatchAccumulator.ORIGINAL_BATCH_LIMIT, clock, INTERVAL);
    }

    @Test
    void batchIsReportedAtTheEleventhSuccess() {
        BatchAccumulator batch = accumulator();
        for (int i = 0; i < 10; i++) {
            assertTrue(batch.add(2.0).isEmpty(), "no report before the 11th");
        }
        StatsBatch reported = batch.add(2.0).orElseThrow();
        assertEquals(new StatsBatch("ocr", 11, 22.0), reported);
        assertEquals(2.0, reported.averageSeconds(), 1e-12);
        assertEquals(Optional.empty(), batch.drain(), "a new batch starts");
    }

    @Test
    void slowMessagesAreReportedEveryEleventhAsTheOriginalDoes() {
        BatchAccumulator batch = accumulator();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofSeconds(2));
                assertTrue(batch.add(2.0).isEmpty());
            }
            clock.advance(Duration.ofSeconds(2));
            assertEquals(Optional.of(new StatsBatch("ocr", 11, 22.0)), batch.add(2.0), "round " + round);
        }
    }

    @Test
    void fastMessagesAccumulateUntilTheIntervalHasPassed() {
        BatchAccumulator batch = accumulator();
        for (int i = 0; i < 11; i++) {
            batch.add(0.001);
        }
        // 11 more successes 1 ms apart: big enough, but the previous report is only milliseconds old.
        for (int i = 0; i < 500; i++) {
            clock.advance(Duration.ofMillis(1));
            assertTrue(batch.add(0.002).isEmpty(), "no report within the interval, message " + i);
        }
        clock.advance(INTERVAL);
        StatsBatch reported = batch.add(0.002).orElseThrow();
        assertEquals(501, reported.count(), "everything since the previous report is in the batch");
        assertEquals(0.002, reported.averageSeconds(), 1e-12);
    }

    @Test
    void intervalAloneDoesNotReportASmallBatch() {
        BatchAccumulator batch = accumulator();
        for (int i = 0; i < 11; i++) {
            batch.add(1.0);
        }
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 10; i++) {
            assertTrue(batch.add(1.0).isEmpty(), "still at most 10 in the batch");
        }
        assertEquals(11, batch.add(1.0).orElseThrow().count());
    }

    @Test
    void restIsReportedWhenConsumptionStops() {
        BatchAccumulator batch = accumulator();
        for (int i = 0; i < 11; i++) {
            batch.add(1.0);
        }
        batch.add(1.0);
        batch.add(3.0);
        assertEquals(Optional.of(new StatsBatch("ocr", 2, 4.0)), batch.drain(), "held back by the interval, flushed at stop");
        assertEquals(Optional.empty(), batch.drain());
    }

    @Test
    void newAverageIsTheMeanOfOldAndBatchNotTheOriginalsPrecedenceBug() {
        assertEquals(7.0, AvgMsgTime.combine(Optional.of(10.0), 4.0), 1e-12); // original: 4 + 10/2 = 9
        assertEquals(4.0, AvgMsgTime.combine(Optional.empty(), 4.0), 1e-12);
        assertEquals(4.0, AvgMsgTime.combine(Optional.of(Double.NaN), 4.0), 1e-12);
    }
}
