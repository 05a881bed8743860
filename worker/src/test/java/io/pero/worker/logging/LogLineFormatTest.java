package io.pero.worker.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogLineFormatTest {
    @Test
    void matchesThePythonWorkersFormat() {
        assertEquals("2023-08-07 10:11:12,123 node1 w42 WARNING stage switched",
                LogLineFormat.line(Instant.parse("2023-08-07T10:11:12.123456Z"), "node1", "w42", "WARN", "stage switched"));
        assertEquals("2023-08-07 10:11:12,000 node1 w42 INFO x",
                LogLineFormat.line(Instant.parse("2023-08-07T10:11:12Z"), "node1", "w42", "INFO", "x"));
    }
}
