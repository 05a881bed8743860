package io.pero.common.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageConfigFailuresTest {
    @Test
    void countsPerVersionAndStartsAgainAtANewVersion() {
        StageConfigFailures f = new StageConfigFailures("", 0, "").plus("v1", "a").plus("v1", "b");
        assertEquals(new StageConfigFailures("v1", 2, "b"), f);
        assertEquals(new StageConfigFailures("v2", 1, "c"), f.plus("v2", "c"));
    }

    @Test
    void blocksOnlyTheVersionThatFailedOnceTheLimitIsReached() {
        StageConfigFailures f = new StageConfigFailures("v1", 3, "archive missing");
        assertTrue(f.blocks("v1", 3));
        assertFalse(f.blocks("v1", 4));
        assertFalse(f.blocks("v2", 3), "a new config version is tried again");
    }

    @Test
    void roundTripsAndKeepsTheReasonOnOneLine() {
        StageConfigFailures f = new StageConfigFailures("v1", 2, "line one\nline two");
        assertEquals(Optional.of(new StageConfigFailures("v1", 2, "line one line two")), StageConfigFailures.parse(f.encode()));
    }

    @Test
    void unreadableTextCountsAsNoFailures() {
        assertEquals(Optional.empty(), StageConfigFailures.parse(new byte[0]));
        assertEquals(Optional.empty(), StageConfigFailures.parse("v1\nmany".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), StageConfigFailures.parse("just text".getBytes(StandardCharsets.UTF_8)));
    }
}
