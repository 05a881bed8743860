package io.pero.ocr.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.config.LayoutConfig;
import io.pero.ocr.config.ReadingOrderMode;
import io.pero.ocr.detect.Quad;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reading order on synthetic pages built in units of a line height, so the rules are checked independently of any
 * detector: columns, spanning titles, captions in the gutter, tables, paragraph ends, skew.
 */
class LayoutAnalyzerTest {
    private static final double H = 40;

    private final List<Quad> quads = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private void line(String name, double x0, double x1, double row) {
        double y0 = row * H * 1.2;
        quads.add(new Quad(x0 * H, y0, x1 * H, y0, x1 * H, y0 + H, x0 * H, y0 + H));
        names.add(name);
    }

    private final List<Ruling> rulings = new ArrayList<>();

    private String read(double skewRadians) {
        List<Quad> rotated = quads.stream().map(q -> rotate(q, skewRadians)).toList();
        return text(new LayoutAnalyzer(new LayoutConfig(ReadingOrderMode.COLUMNS, true)).analyze(rotated, rulings));
    }

    /** The page read as an image this many line heights wide. */
    private String readPage(double width) {
        return text(new LayoutAnalyzer(new LayoutConfig(ReadingOrderMode.COLUMNS, true)).analyze(quads, rulings,
                width * H));
    }

    /** A vertical rule at x from row y0 to row y1. */
    private void rule(double x, double y0, double y1) {
        rulings.add(new Ruling(x * H, y0 * H * 1.2, x * H, y1 * H * 1.2));
    }

    private String text(List<TextBlock> blocks) {
        return blocks.stream().flatMap(b -> b.rows().stream())
                .map(r -> r.fragments().stream().map(names::get).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("/"));
    }

    private static Quad rotate(Quad q, double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new Quad(q.x0() * c - q.y0() * s, q.x0() * s + q.y0() * c, q.x1() * c - q.y1() * s,
                q.x1() * s + q.y1() * c, q.x2() * c - q.y2() * s, q.x2() * s + q.y2() * c,
                q.x3() * c - q.y3() * s, q.x3() * s + q.y3() * c);
    }

    private void twoColumns(int rows, int firstRow, String left, String right) {
        for (int i = 0; i < rows; i++) {
            // The left column's last line is a short paragraph end, beside a full line of the right column.
            line(left + i, 0, i == rows - 1 ? 6 : 20, firstRow + i);
            line(right + i, 21, 41, firstRow + i);
        }
    }

    @Test
    void leftColumnIsReadBeforeTheRightOneEvenWhenRowsAlign() {
        twoColumns(4, 0, "L", "R");
        assertEquals("L0/L1/L2/L3/R0/R1/R2/R3", read(0));
    }

    @Test
    void aTitleSpanningColumnsSeparatesTheSectionsAboveAndBelow() {
        twoColumns(3, 0, "A", "B");
        line("TITLE", 0, 41, 3.5);
        twoColumns(3, 5, "C", "D");
        assertEquals("A0/A1/A2/B0/B1/B2/TITLE/C0/C1/C2/D0/D1/D2", read(0));
    }

    /** Two columns whose rows {@code from}..{@code to} are narrowed round something set across the gutter. */
    private void twoColumnsAround(int rows, int from, int to, String left, String right) {
        for (int i = 0; i < rows; i++) {
            boolean narrow = i >= from && i <= to;
            line(left + i, 0, narrow ? 15 : 20, i);
            line(right + i, narrow ? 26 : 21, 41, i);
        }
    }

    @Test
    void aCaptionInTheGutterComesAfterTheColumnsAndARunningHeadFirst() {
        line("HEAD", 18, 23, -2);
        twoColumnsAround(6, 1, 3, "L", "R");
        line("CAP1", 16, 25, 1.5);
        line("CAP2", 17, 24, 2.5);
        assertEquals("HEAD/L0/L1/L2/L3/L4/L5/R0/R1/R2/R3/R4/R5/CAP1/CAP2", read(0));
    }

    @Test
    void aRunningFootUnderOneColumnIsReadLast() {
        twoColumnsAround(6, 1, 3, "L", "R");
        line("CAP", 16, 25, 2);
        line("FOOT", 0, 15, 7.5);
        assertEquals("L0/L1/L2/L3/L4/L5/R0/R1/R2/R3/R4/R5/CAP/FOOT", read(0));
    }

    @Test
    void aColumnThatRunsLongerKeepsItsLastLines() {
        for (int i = 0; i < 6; i++) {
            line("L" + i, 0, 20, i);
        }
        for (int i = 0; i < 3; i++) {
            line("R" + i, 21, 41, i);
        }
        assertEquals("L0/L1/L2/L3/L4/L5/R0/R1/R2", read(0));
    }

    @Test
    void tableCellsAreReadRowByRow() {
        String[] cols = {"name", "1", "2", "3"};
        double[] xs = {0, 10, 16, 22};
        for (int row = 0; row < 4; row++) {
            for (int c = 0; c < cols.length; c++) {
                line(cols[c] + row, xs[c], xs[c] + (c == 0 ? 4 : 1), row);
            }
        }
        assertEquals("name0 10 20 30/name1 11 21 31/name2 12 22 32/name3 13 23 33", read(0));
    }

    @Test
    void aLineCutAtAWideWordGapIsOneRow() {
        line("a", 0, 30, 0);
        line("b1", 0, 12, 1);
        line("b2", 14, 30, 1);
        line("c", 0, 30, 2);
        assertEquals("a/b1 b2/c", read(0));
    }

    @Test
    void skewedColumnsKeepTheirOrder() {
        twoColumns(6, 0, "L", "R");
        assertEquals("L0/L1/L2/L3/L4/L5/R0/R1/R2/R3/R4/R5", read(Math.toRadians(3)));
    }

    @Test
    void narrowNewspaperColumnsAreReadOneAfterTheOther() {
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 4; col++) {
                double x0 = col * 10.3;
                line("c" + col + "r" + row, x0, x0 + 9.5, row);
            }
        }
        StringBuilder expected = new StringBuilder();
        for (int col = 0; col < 4; col++) {
            for (int row = 0; row < 5; row++) {
                expected.append(expected.isEmpty() ? "" : "/").append("c").append(col).append("r").append(row);
            }
        }
        assertEquals(expected.toString(), read(0));
    }

    @Test
    void topDownModeSortsByRows() {
        twoColumns(2, 0, "L", "R");
        List<TextBlock> blocks = new LayoutAnalyzer(new LayoutConfig(ReadingOrderMode.TOP_DOWN, false)).analyze(quads);
        String order = blocks.get(0).rows().stream().map(r -> names.get(r.fragments().get(0)))
                .collect(Collectors.joining("/"));
        assertEquals("L0/R0/L1/R1", order);
    }

    @Test
    void paragraphsSeparatedByAGapAreSeparateBlocks() {
        line("p1a", 0, 20, 0);
        line("p1b", 0, 20, 1);
        line("p2a", 0, 20, 3);
        List<TextBlock> blocks = new LayoutAnalyzer(new LayoutConfig(ReadingOrderMode.COLUMNS, true)).analyze(quads);
        assertEquals(2, blocks.size());
        assertEquals(2, blocks.get(0).rows().size());
    }

    @Test
    void noLinesNoBlocks() {
        assertEquals(List.of(), new LayoutAnalyzer(new LayoutConfig(ReadingOrderMode.COLUMNS, true)).analyze(List.of()));
    }

    @Test
    void aDeckSetLevelWithTheColumnsFirstLinesIsReadBeforeThem() {
        line("TITLE", 0, 41, -2);
        twoColumnsAround(6, 0, 2, "L", "R");
        line("DECK1", 16, 25, 0.1);
        line("DECK2", 17, 24, 1.1);
        assertEquals("TITLE/DECK1/DECK2/L0/L1/L2/L3/L4/L5/R0/R1/R2/R3/R4/R5", read(0));
    }

    @Test
    void aParagraphBetweenAChartsLabelsIsReadInPlaceNotAsAnInsert() {
        // Axis numbers at the left and legend entries at the right of a chart above and below a paragraph: short
        // labels, not columns running round it.
        for (int row = 0; row < 4; row++) {
            line("axis" + row, 0, 1, row);
            line("key" + row, 15, 19, row);
        }
        for (int row = 5; row < 8; row++) {
            line("P" + row, 0, 20, row);
        }
        line("axis9", 0, 1, 9);
        line("key10", 15, 19, 10);
        String order = read(0);
        assertTrue(order.indexOf("P7") < order.indexOf("axis9"), order);
        assertTrue(order.indexOf("P7") < order.indexOf("key10"), order);
    }

    @Test
    void theFacingPagesStripAtTheBorderIsLeftOut() {
        for (int row = 0; row < 6; row++) {
            line("L" + row, 2, 20, row);
            line("cut" + row, 39.5, 41, row);
        }
        assertEquals("L0/L1/L2/L3/L4/L5", readPage(41));
    }

    @Test
    void textOfThePageItselfAtTheBorderIsKept() {
        // A receipt cropped tight: its item names start at the left border, its prices end at the right one.
        for (int row = 0; row < 6; row++) {
            line("item" + row, 0, 6 + row, row);
            line("price" + row, 18, 21, row);
        }
        assertEquals("item0 price0/item1 price1/item2 price2/item3 price3/item4 price4/item5 price5",
                readPage(21));
    }

    @Test
    void aColumnRuleKeepsTheBrokenPiecesOfAWornLineApart() {
        twoColumns(6, 0, "L", "R");
        rule(20.5, 0, 6);
        // On one row the detector broke both columns' lines into short words either side of the rule.
        line("l1", 14, 17, 6);
        line("l2", 17.3, 20, 6);
        line("r1", 21, 24, 6);
        line("r2", 24.3, 27, 6);
        rule(20.5, 6, 8);
        String order = read(0);
        assertTrue(order.contains("/l1 l2/") || order.contains("/l1 l2"), order);
        assertTrue(order.indexOf("l1") < order.indexOf("R0"), order);
    }

    @Test
    void aTablesInnerRulesDoNotSplitItsRows() {
        String[] cols = {"name", "1", "2"};
        double[] xs = {0, 10, 16};
        for (int row = 0; row < 4; row++) {
            for (int c = 0; c < cols.length; c++) {
                line(cols[c] + row, xs[c], xs[c] + (c == 0 ? 4 : 1), row);
            }
        }
        rule(8, 0, 4);
        rule(14, 0, 4);
        assertEquals("name0 10 20/name1 11 21/name2 12 22/name3 13 23", read(0));
    }

    @Test
    void fragmentsFarApartOnOneLevelAreNotOneRow() {
        // A chart's legend, and level with it at the far side of the page a stray piece: two rows, while a receipt's
        // item and its price a dozen line heights away stay one.
        line("legend", 0, 6, 0);
        line("stray", 31, 32, 0);
        line("item", 0, 5, 3);
        line("price", 17, 19, 3);
        String order = read(0);
        assertTrue(order.contains("item price"), order);
        assertTrue(!order.contains("legend stray"), order);
    }
}
