package io.pero.worker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigRetryBackoffTest {
    @Test
    void doublesFromTheFirstWaitAndStopsAtFiveMinutes() {
        Duration first = ConfigRetryBackoff.FIRST;
        assertEquals(Duration.ofSeconds(10), ConfigRetryBackoff.after(1, first));
        assertEquals(Duration.ofSeconds(20), ConfigRetryBackoff.after(2, first));
        assertEquals(Duration.ofSeconds(160), ConfigRetryBackoff.after(5, first));
        assertEquals(Duration.ofMinutes(5), ConfigRetryBackoff.after(6, first));
        assertEquals(Duration.ofMinutes(5), ConfigRetryBackoff.after(1000, first));
    }
}
