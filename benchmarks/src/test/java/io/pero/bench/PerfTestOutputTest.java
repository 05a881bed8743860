package io.pero.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PerfTestOutputTest {
    private static final String SUMMARY = """
            id: test-152119-879, time 4.000 s, sent: 4863 msg/s, confirmed: 4879 msg/s, nacked: 0 msg/s, received: 4871 msg/s
            test stopped (Producer reached message limit [2], Consumer reached message limit [2])
            id: test-152119-879, sending rate avg: 4867 msg/s
            id: test-152119-879, receiving rate avg: 4801 msg/s
            id: test-152119-879, consumer latency min/median/75th/95th/99th 262/997/2211/352803/606234 µs
            """;

    @Test
    void readsTheAverageRatesFromTheSummaryNotFromTheSamples() {
        assertEquals(4867, PerfTestOutput.sendingRate(SUMMARY).orElseThrow());
        assertEquals(4801, PerfTestOutput.receivingRate(SUMMARY).orElseThrow());
    }

    @Test
    void missingSummaryIsEmpty() {
        assertTrue(PerfTestOutput.receivingRate("id: x, time 1.0 s, sent: 10 msg/s, received: 10 msg/s").isEmpty());
    }
}
