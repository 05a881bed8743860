package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunProgressTest {
    private static final long S = 1_000_000_000L;

    @Test
    void lineShowsDoneRateEtaAndFailures() {
        RunProgress p = new RunProgress(4, List.of(), 0);
        p.finished(new RunJournal.Finished("a", true, ""), 2 * S);
        p.finished(new RunJournal.Finished("b", false, "bad"), 4 * S);
        assertEquals("2/4 pages  0.50 pages/s  ETA 4 s  1 failed", p.line(4 * S));
    }

    @Test
    void pagesFinishedInAnEarlierRunCountAsDoneButNotInTheRate() {
        RunProgress p = new RunProgress(3, List.of(new RunJournal.Finished("a", false, "bad")), 0);
        p.finished(new RunJournal.Finished("b", true, ""), S);
        assertEquals(2, p.done());
        assertEquals(1, p.doneThisRun());
        assertEquals(1, p.failures().size());
        assertEquals("2/3 pages  0.50 pages/s  ETA 2 s  1 failed", p.line(2 * S));
    }
}
