package io.pero.ocr.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.ocr.bench.CharacterErrorRate;
import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.model.Page;
import io.pero.ocr.model.TextLine;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * Reading order of the whole engine (detection, recognition, layout) on pages laid out in code and rendered with
 * Java2D: columns, titles spanning columns, a side box, a caption set into the columns, a footnote, a table grid and
 * skewed pages. Each recognised line is identified by the rendered line it matches best, and the sequence of ids is
 * compared with the order a reader expects (the conventions of evaldata's ground truth).
 */
class RenderedLayoutTest {
    /** A recognised line is the rendered line it is closest to, when its CER against it is at most this. */
    private static final double MATCH_CER = 0.35;
    private static final int W = 1400;
    private static final int H = 1800;
    private static OcrEngine engine;

    @BeforeAll
    static void open() {
        engine = OcrEngine.open(OcrConfig.defaults());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** Ids of the recognised lines in reading order ("?" for a line that matches no rendered line). */
    private static List<String> read(RenderedPage page, double degrees) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (RenderedPage.Line line : page.lines()) {
            texts.merge(line.id(), line.text(), (a, b) -> a + " " + b);
        }
        Mat image = page.render(degrees);
        Page result;
        try {
            result = engine.recognize(image, "synthetic.png");
        } finally {
            image.release();
        }
        List<String> ids = new ArrayList<>();
        for (TextLine line : result.regions().stream().flatMap(r -> r.lines().stream()).toList()) {
            String best = "?";
            double bestCer = MATCH_CER;
            for (Map.Entry<String, String> t : texts.entrySet()) {
                double cer = CharacterErrorRate.score(line.text(), t.getValue()).cer();
                if (cer <= bestCer) {
                    best = t.getKey();
                    bestCer = cer;
                }
            }
            ids.add(best);
        }
        return ids;
    }

    private static List<String> concat(List<?>... parts) {
        List<String> all = new ArrayList<>();
        for (List<?> part : parts) {
            part.forEach(p -> all.add((String) p));
        }
        return all;
    }

    private static RenderedPage twoColumnsWithTitle(RenderedPage page, int left, int top, List<List<String>> out) {
        Font title = new Font(Font.SERIF, Font.BOLD, 40);
        out.add(List.of(page.text("T", "Harbour lanterns of the winter market", title, left, top + 40)));
        out.add(page.block("L", RenderedPage.body(), left, top + 90, 540, 12));
        out.add(page.block("R", RenderedPage.body(), left + 620, top + 90, 540, 12));
        return page;
    }

    @Test
    void twoColumnsAreReadOneAfterTheOther() {
        RenderedPage page = new RenderedPage(W, H);
        List<String> left = page.block("L", RenderedPage.body(), 80, 100, 580, 14);
        List<String> right = page.block("R", RenderedPage.body(), 740, 100, 580, 14);
        assertEquals(concat(left, right), read(page, 0));
    }

    @Test
    void threeColumnsAreReadLeftToRight() {
        RenderedPage page = new RenderedPage(W, H);
        List<String> a = page.block("A", RenderedPage.body(), 80, 100, 380, 12);
        List<String> b = page.block("B", RenderedPage.body(), 510, 100, 380, 12);
        List<String> c = page.block("C", RenderedPage.body(), 940, 100, 380, 12);
        assertEquals(concat(a, b, c), read(page, 0));
    }

    @Test
    void aHeadingSpanningColumnsSeparatesTheSectionsAboveAndBelowIt() {
        RenderedPage page = new RenderedPage(W, H);
        Font heading = new Font(Font.SERIF, Font.BOLD, 36);
        String t1 = page.text("T1", "Notes from the river valley", heading, 80, 130);
        List<String> a = page.block("A", RenderedPage.body(), 80, 180, 580, 8);
        List<String> b = page.block("B", RenderedPage.body(), 740, 180, 580, 8);
        String t2 = page.text("T2", "The castle bridge and the copper engine", heading, 80, 560);
        List<String> c = page.block("C", RenderedPage.body(), 80, 610, 580, 8);
        List<String> d = page.block("D", RenderedPage.body(), 740, 610, 580, 8);
        assertEquals(concat(List.of(t1), a, b, List.of(t2), c, d), read(page, 0));
    }

    @Test
    void aBoxBesideTheTextIsReadAfterIt() {
        RenderedPage page = new RenderedPage(W, H);
        List<String> main = page.block("M", RenderedPage.body(), 80, 100, 780, 20);
        List<String> box = page.block("S", new Font(Font.SANS_SERIF, Font.PLAIN, 18), 960, 320, 340, 6);
        page.rule(940, 300, 1320, 300);
        page.rule(940, 300, 940, 560);
        page.rule(1320, 300, 1320, 560);
        page.rule(940, 560, 1320, 560);
        assertEquals(concat(main, box), read(page, 0));
    }

    @Test
    void aCaptionSetIntoTheColumnsIsReadAfterThem() {
        RenderedPage page = new RenderedPage(W, H);
        int lh = page.lineHeight();
        Font body = RenderedPage.body();
        // The columns are narrowed for six lines round a figure and its caption that sit across the gutter.
        List<String> left = concat(page.block("La", body, 80, 100, 580, 6), page.block("Lb", body, 80, 100 + 6 * lh,
                380, 6), page.block("Lc", body, 80, 100 + 12 * lh, 580, 6));
        List<String> right = concat(page.block("Ra", body, 740, 100, 580, 6), page.block("Rb", body, 940,
                100 + 6 * lh, 380, 6), page.block("Rc", body, 740, 100 + 12 * lh, 580, 6));
        page.figure(500, 100 + 6 * lh + 5, 400, 4 * lh - 10);
        List<String> caption = List.of(page.text("CAP", "Figure 2. The old mill by the river in winter",
                new Font(Font.SERIF, Font.ITALIC, 18), 510, 100 + 10 * lh + 28));
        assertEquals(concat(left, right, caption), read(page, 0));
    }

    @Test
    void aFootnoteUnderTheFirstColumnIsReadAfterBothColumns() {
        RenderedPage page = new RenderedPage(W, H);
        List<String> left = page.block("L", RenderedPage.body(), 80, 100, 580, 14);
        List<String> right = page.block("R", RenderedPage.body(), 740, 100, 580, 14);
        int bottom = 100 + 14 * page.lineHeight();
        page.rule(80, bottom + 20, 300, bottom + 20);
        List<String> note = List.of(page.text("N", "1 See the letter from the village doctor, page 12.",
                new Font(Font.SERIF, Font.PLAIN, 16), 80, bottom + 50));
        assertEquals(concat(left, right, note), read(page, 0));
    }

    @Test
    void aTableGridIsReadRowByRowEachRowOneLine() {
        RenderedPage page = new RenderedPage(W, H);
        String[][] cells = {{"Item", "Weight", "Price", "Stock"}, {"copper", "12.5", "3.10", "140"},
                {"silver", "8.25", "17.40", "36"}, {"ribbon", "0.40", "1.95", "820"}, {"candle", "1.75", "2.60", "95"}};
        int[] x = {100, 400, 700, 1000};
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < cells.length; r++) {
            int y = 160 + r * 60;
            for (int c = 0; c < x.length; c++) {
                page.text("T" + r, cells[r][c], RenderedPage.body(), x[c], y);
            }
            page.rule(80, y + 20, 1300, y + 20);
            rows.add("T" + r);
        }
        for (int c = 0; c <= x.length; c++) {
            int at = c == x.length ? 1300 : x[c] - 20;
            page.rule(at, 120, at, 160 + 4 * 60 + 20);
        }
        assertEquals(rows, read(page, 0));
    }

    @Test
    void columnsSeparatedByAColumnRuleAcrossANarrowGutterAreNotJoined() {
        RenderedPage page = new RenderedPage(W, H);
        // A newspaper's gutter: narrower than the word gaps of justified lines, with a rule down the middle.
        List<String> left = page.block("L", RenderedPage.body(), 80, 100, 610, 14);
        List<String> right = page.block("R", RenderedPage.body(), 710, 100, 610, 14);
        page.rule(700, 90, 700, 100 + 15 * page.lineHeight());
        assertEquals(concat(left, right), read(page, 0));
    }

    @Test
    void boxedGroupsOfATableAreReadGroupByGroup() {
        RenderedPage page = new RenderedPage(W, H);
        String[][] groups = {{"120", "843.6", "130", "912.7", "140", "981.4", "150", "1048.8"},
                {"273.2", "1154", "293.2", "1300", "323.2", "1175", "373.2", "1610"}};
        List<String> expected = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            int x = 100 + g * 560;
            for (int r = 0; r < 4; r++) {
                int y = 200 + r * 50;
                String id = "G" + g + "R" + r;
                page.text(id, groups[g][2 * r], RenderedPage.body(), x + 30, y);
                page.text(id, groups[g][2 * r + 1], RenderedPage.body(), x + 260, y);
                expected.add(id);
            }
            page.rule(x, 140, x + 520, 140);
            page.rule(x, 420, x + 520, 420);
            page.rule(x, 140, x, 420);
            page.rule(x + 520, 140, x + 520, 420);
            page.rule(x + 230, 140, x + 230, 420);
        }
        assertEquals(expected, read(page, 0));
    }

    @Test
    void aBoxUnderTheFirstTwoColumnsIsReadAfterTheThird() {
        RenderedPage page = new RenderedPage(W, H);
        int lh = page.lineHeight();
        Font body = RenderedPage.body();
        List<String> a = page.block("A", body, 80, 100, 380, 12);
        List<String> b = page.block("B", body, 510, 100, 380, 12);
        List<String> c = page.block("C", body, 940, 100, 380, 30);
        int top = 100 + 13 * lh;
        List<String> ad = page.block("S", new Font(Font.SANS_SERIF, Font.BOLD, 20), 100, top + 30, 760, 8);
        int bottom = top + 40 + 8 * lh;
        page.rule(80, top, 880, top);
        page.rule(80, top, 80, bottom);
        page.rule(880, top, 880, bottom);
        page.rule(80, bottom, 880, bottom);
        assertEquals(concat(a, b, c, ad), read(page, 0));
    }

    @Test
    void aBoxedHeadingInAColumnIsReadInPlace() {
        RenderedPage page = new RenderedPage(W, H);
        int lh = page.lineHeight();
        List<String> above = page.block("A", RenderedPage.body(), 80, 100, 580, 6);
        int top = 100 + 6 * lh + 20;
        String heading = page.text("H", "Notices of the harbour", new Font(Font.SANS_SERIF, Font.PLAIN, 32), 140,
                top + 50);
        page.rule(100, top, 640, top);
        page.rule(100, top + 70, 640, top + 70);
        page.rule(100, top, 100, top + 70);
        page.rule(640, top, 640, top + 70);
        List<String> below = page.block("B", RenderedPage.body(), 80, top + 100, 580, 6);
        List<String> right = page.block("R", RenderedPage.body(), 740, 100, 580, 16);
        assertEquals(concat(above, List.of(heading), below, right), read(page, 0));
    }

    @ParameterizedTest(name = "skewed by {0} degrees")
    @ValueSource(doubles = {-3.5, 6, 8})
    void aSkewedPageKeepsItsColumnOrder(double degrees) {
        RenderedPage page = new RenderedPage(1600, 1400);
        List<List<String>> parts = new ArrayList<>();
        twoColumnsWithTitle(page, 220, 200, parts);
        assertEquals(concat(parts.toArray(new List<?>[0])), read(page, degrees));
    }
}
