package io.pero.ocr.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.engine.StepTimings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report names the pages lost to Tesseract and sums the extra edits per folder and overall. */
class BenchReportTest {
    private static BenchPage page(String set, String name, long edits, long free, long tessEdits) {
        return new BenchPage(set, name, 100, 100, new CharacterErrorRate.Score(edits, 1000),
                new CharacterErrorRate.Score(free, 1000), new StepTimings(1, 1, 1, 1, 1),
                new CharacterErrorRate.Score(tessEdits, 1000), Double.NaN);
    }

    @Test
    void lossesToTesseractAreListedAndSummed() {
        List<BenchPage> pages = List.of(page("dev", "columns", 400, 50, 100), page("dev", "clean", 10, 10, 30),
                page("public", "ticket", 120, 120, 100));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), pages, 3, false, 500, "test");
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("+0.3000 LOSE"), report);
        assertTrue(report.contains("order-free 0.0600, so reading order costs 0.1167"), report);
        assertTrue(report.contains("where we lose: 320 edits more than Tesseract"), report);
        assertTrue(report.contains("1 pages more than 0.05 above Tesseract: columns"), report);
        assertTrue(report.contains("all 2 folders: 3 pages"), report);
    }
}
