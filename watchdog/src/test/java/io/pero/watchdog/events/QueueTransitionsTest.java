package io.pero.watchdog.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueTransitionsTest {
    @Test
    void reportsQueuesThatFillOrDrainAndAFirstSightingWithMessages() {
        QueueTransitions t = new QueueTransitions();
        assertEquals(List.of("queue filled s2"), t.update(Map.of("s1", 0L, "s2", 5L)));
        assertEquals(List.of("queue filled s1"), t.update(Map.of("s1", 300L, "s2", 5L)));
        assertEquals(List.of(), t.update(Map.of("s1", 200L, "s2", 9L)));
        assertEquals(List.of("queue drained s2"), t.update(Map.of("s1", 200L, "s2", 0L)));
    }
}
