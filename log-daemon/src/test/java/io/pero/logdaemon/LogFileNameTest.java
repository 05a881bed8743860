package io.pero.logdaemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogFileNameTest {

    @Test
    void namesCarryTheUtcCreationTimeWithoutColonsAndWithFixedWidthMicroseconds() {
        assertEquals("pero_2023-08-07T10-11-12.123456Z.log", LogFileName.of(Instant.parse("2023-08-07T10:11:12.123456789Z")));
        assertEquals("pero_2023-08-07T10-11-12.000000Z.log", LogFileName.of(Instant.parse("2023-08-07T10:11:12Z")));
    }

    @Test
    void parsesBackItsOwnNamesOnly() {
        Instant t = Instant.parse("2023-08-07T10:11:12.123456Z");
        assertEquals(Optional.of(t), LogFileName.createdAt(LogFileName.of(t)));
        assertFalse(LogFileName.isOwn("pero_2023-08-07T10:11:12.123456+00:00.log"), "the Python original's names are not ours");
        assertFalse(LogFileName.isOwn("pero_2023-08-07T10-11-12.123456Z.log.gz"));
        assertFalse(LogFileName.isOwn("pero_2023-02-30T10-11-12.123456Z.log"), "not a calendar date");
        assertTrue(LogFileName.isOwn("pero_1999-12-31T23-59-59.999999Z.log"));
    }

    @Test
    void lexicographicOrderIsChronologicalOrder() {
        List<Instant> times = List.of(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2023-01-01T00:00:00.000001Z"),
                Instant.parse("2023-01-01T00:00:01Z"), Instant.parse("2023-10-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"));
        List<String> names = new ArrayList<>(times.stream().map(LogFileName::of).toList());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(names, sorted);
    }
}
