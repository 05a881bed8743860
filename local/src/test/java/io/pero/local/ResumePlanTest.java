package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResumePlanTest {
    private static final List<Pages.Page> PAGES = List.of(page("a.png"), page("b.png"), page("c.png"), page("d.png"));

    private static Pages.Page page(String name) {
        return new Pages.Page(name, Path.of("in", name));
    }

    @Test
    void aFreshRunUploadsAndAwaitsEveryPage() {
        ResumePlan plan = ResumePlan.of(PAGES, Set.of(), Map.of());
        assertEquals(PAGES, plan.toUpload());
        assertEquals(List.of("a.png", "b.png", "c.png", "d.png"), plan.awaited());
        assertEquals(List.of(), plan.alreadyFinished());
    }

    @Test
    void aResumedRunUploadsOnlyWhatWasNeverConfirmedAndAwaitsWhatIsNotFinished() {
        RunJournal.Finished a = new RunJournal.Finished("a.png", true, "");
        ResumePlan plan = ResumePlan.of(PAGES, Set.of("a.png", "b.png"), Map.of("a.png", a));
        assertEquals(List.of(page("c.png"), page("d.png")), plan.toUpload(), "b.png is still in the broker");
        assertEquals(List.of("b.png", "c.png", "d.png"), plan.awaited());
        assertEquals(List.of(a), plan.alreadyFinished());
    }
}
