package io.pero.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultTallyTest {
    private static final Set<String> PUBLISHED = Set.of("a", "b", "c", "d");

    @Test
    void everyRequestOnceInOutPasses() {
        FaultTally t = FaultTally.of(PUBLISHED, List.of("d", "a", "c", "b"), List.of(), List.of());
        assertEquals(new FaultTally(4, 4, 4, 0, 0, 0, 0, 0), t);
        assertTrue(t.passes(1.0));
    }

    @Test
    void aRepeatIsADuplicateAndAMissingOneIsLost() {
        FaultTally t = FaultTally.of(PUBLISHED, List.of("a", "a", "b", "c"), List.of(), List.of());
        assertEquals(1, t.duplicates());
        assertEquals(1, t.lost());
        assertEquals(25.0, t.duplicatePercent());
        assertFalse(t.passes(100.0), "a lost request fails the run whatever the duplicate bound");
    }

    @Test
    void stuckAndParkedRequestsAreNotLostButFailTheRun() {
        FaultTally t = FaultTally.of(PUBLISHED, List.of("a", "b"), List.of("c"), List.of("d"));
        assertEquals(0, t.lost());
        assertEquals(1, t.stuck());
        assertEquals(1, t.parked());
        assertFalse(t.passes(1.0));
    }

    @Test
    void duplicatesAtOrAboveTheBoundFail() {
        FaultTally t = FaultTally.of(PUBLISHED, List.of("a", "b", "c", "d", "d"), List.of(), List.of());
        assertEquals(0, t.lost());
        assertFalse(t.passes(25.0));
        assertTrue(t.passes(26.0));
    }

    @Test
    void aResultOfAnotherRunIsCountedApart() {
        FaultTally t = FaultTally.of(PUBLISHED, List.of("a", "b", "c", "d", "x"), List.of(), List.of());
        assertEquals(1, t.unknown());
        assertEquals(4, t.distinct());
        assertFalse(t.passes(1.0));
    }
}
