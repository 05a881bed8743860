package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {
    @TempDir
    Path dir;

    @Test
    void whatWasRecordedIsThereAfterReopening() throws Exception {
        try (RunJournal j = RunJournal.open(dir)) {
            j.recordUploaded("a.png");
            j.recordUploaded("b.png");
            assertTrue(j.recordFinished(new RunJournal.Finished("a.png", true, "")));
            assertTrue(j.recordFinished(new RunJournal.Finished("b.png", false, "ocr: not an image\tat all")));
        }
        try (RunJournal j = RunJournal.open(dir)) {
            assertEquals(Set.of("a.png", "b.png"), j.uploaded());
            assertEquals(Map.of("a.png", new RunJournal.Finished("a.png", true, ""),
                    "b.png", new RunJournal.Finished("b.png", false, "ocr: not an image at all")), j.finished());
            assertFalse(j.recordFinished(new RunJournal.Finished("a.png", true, "")), "a page finishes once");
        }
    }

    @Test
    void aLineCutShortByAKillIsIgnoredAndLaterLinesStayIntact() throws Exception {
        try (RunJournal j = RunJournal.open(dir)) {
            j.recordUploaded("a.png");
        }
        Files.writeString(dir.resolve(RunJournal.UPLOADED), "b.p", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (RunJournal j = RunJournal.open(dir)) {
            assertEquals(Set.of("a.png"), j.uploaded());
            j.recordUploaded("c.png");
        }
        try (RunJournal j = RunJournal.open(dir)) {
            assertEquals(Set.of("a.png", "b.p", "c.png"), j.uploaded(),
                    "the fragment became its own (harmless) line, c.png was not glued to it");
        }
    }
}
