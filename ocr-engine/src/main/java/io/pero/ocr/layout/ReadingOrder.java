package io.pero.ocr.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders rows column by column, recursively (a tolerant XY-cut). Columns are found from long rows only (full lines
 * of a column, see {@link LineScale}): a vertical strip that no long row crosses, with long rows on both sides, is a
 * gutter; the left side is read before the right. Short rows that straddle a gutter (captions, pull quotes, a centred
 * running head) belong to neither column: above everything they are read first, otherwise after the columns. A last
 * row under one column that lies below the other column's end, set off by a wide gap (a running foot), is read last
 * of all. Where there is no gutter but some rows are much wider than the columns (titles spanning columns), the rows
 * are cut into horizontal bands at those wide rows and each band is ordered on its own. Otherwise the rows are read
 * top to bottom.
 */
final class ReadingOrder {
    /** A gutter is at least this many line heights wide. */
    private static final double MIN_GUTTER = 0.2;
    /** A row this much wider than the page's typical long row spans columns. */
    static final double SPANNING = 1.4;
    /** A foot is set off from the column above it by this many line heights more than the usual spacing. */
    private static final double FOOT_GAP = 0.7;

    private final double lineHeight;
    private final double longRow;
    private final double textRun;

    ReadingOrder(LineScale scale) {
        this.lineHeight = scale.lineHeight();
        this.longRow = scale.longRow();
        this.textRun = scale.textRun();
    }

    List<Row> order(List<Row> rows) {
        if (rows.size() <= 1) {
            return rows;
        }
        double[] gutter = widestGutter(rows);
        if (gutter != null) {
            return splitAtGutter(rows, (gutter[0] + gutter[1]) / 2);
        }
        List<Row> spanning = spanningRows(rows);
        if (!spanning.isEmpty() && spanning.size() < rows.size()) {
            return byBands(rows, spanning);
        }
        return topDown(rows);
    }

    private List<Row> splitAtGutter(List<Row> rows, double mid) {
        List<Row> left = new ArrayList<>();
        List<Row> right = new ArrayList<>();
        List<Row> straddling = new ArrayList<>();
        for (Row row : rows) {
            // A row joined across the gutter (a column line next to a caption) is cut back into its sides.
            List<LineBox> l = new ArrayList<>();
            List<LineBox> r = new ArrayList<>();
            List<LineBox> across = new ArrayList<>();
            for (LineBox f : row.fragments()) {
                (f.x1() <= mid ? l : f.x0() >= mid ? r : across).add(f);
            }
            addRow(left, l);
            addRow(right, r);
            addRow(straddling, across);
        }
        double top = Double.MAX_VALUE;
        for (Row row : left) {
            top = Math.min(top, row.y0());
        }
        for (Row row : right) {
            top = Math.min(top, row.y0());
        }
        List<Row> ordered = new ArrayList<>();
        List<Row> after = new ArrayList<>();
        for (Row row : topDown(straddling)) {
            (row.y1() <= top ? ordered : after).add(row);
        }
        List<Row> leftFoot = foot(left, bottom(right));
        List<Row> rightFoot = foot(right, bottom(left));
        ordered.addAll(order(left));
        ordered.addAll(order(right));
        ordered.addAll(after);
        ordered.addAll(topDown(concat(leftFoot, rightFoot)));
        return ordered;
    }

    /**
     * Removes and returns a side's foot: its last row when that lies below everything on the other side and is set
     * off from the row above by clearly more than the side's usual line spacing (a running foot or page number under
     * one column). A column that simply runs longer than its neighbour ends in regularly spaced rows and keeps them.
     */
    private List<Row> foot(List<Row> side, double otherBottom) {
        if (side.size() < 3) {
            return List.of();
        }
        List<Row> sorted = topDown(side);
        double[] gaps = new double[sorted.size() - 1];
        for (int k = 1; k < sorted.size(); k++) {
            gaps[k - 1] = sorted.get(k).y0() - sorted.get(k - 1).y1();
        }
        double lastGap = gaps[gaps.length - 1];
        java.util.Arrays.sort(gaps);
        double usualGap = gaps[gaps.length / 2];
        Row last = sorted.get(sorted.size() - 1);
        if (last.y0() > otherBottom + 0.5 * lineHeight && lastGap >= usualGap + FOOT_GAP * lineHeight) {
            side.remove(last);
            return List.of(last);
        }
        return List.of();
    }

    private static double bottom(List<Row> rows) {
        return rows.stream().mapToDouble(Row::y1).max().orElse(Double.MAX_VALUE);
    }

    private static List<Row> concat(List<Row> a, List<Row> b) {
        List<Row> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void addRow(List<Row> rows, List<LineBox> fragments) {
        if (!fragments.isEmpty()) {
            rows.add(Row.of(fragments));
        }
    }

    /**
     * The widest x-interval free of running text with running text on both sides, or null. Running text: the
     * text-run fragments of long rows (a long row's short fragments, such as a caption joined to a column line, and
     * table rows made of short cells do not count).
     */
    private double[] widestGutter(List<Row> rows) {
        List<double[]> spans = new ArrayList<>();
        for (Row row : rows) {
            if (row.width() >= longRow) {
                for (LineBox f : row.fragments()) {
                    if (f.width() >= textRun) {
                        spans.add(new double[] {f.x0(), f.x1()});
                    }
                }
            }
        }
        if (spans.size() < 2) {
            return null;
        }
        spans.sort(Comparator.comparingDouble(s -> s[0]));
        double[] best = null;
        double reach = spans.get(0)[1];
        for (int i = 1; i < spans.size(); i++) {
            double[] s = spans.get(i);
            double gap = s[0] - reach;
            if (gap >= MIN_GUTTER * lineHeight && (best == null || gap > best[1] - best[0])) {
                best = new double[] {reach, s[0]};
            }
            reach = Math.max(reach, s[1]);
        }
        return best;
    }

    private List<Row> spanningRows(List<Row> rows) {
        double[] widths = rows.stream().filter(r -> r.width() >= longRow).mapToDouble(Row::width).sorted().toArray();
        if (widths.length < 3) {
            return List.of();
        }
        double typical = widths[widths.length / 2];
        return rows.stream().filter(r -> r.width() > SPANNING * typical).toList();
    }

    /** Cuts the rows into bands above, between and below the spanning rows; orders each band. */
    private List<Row> byBands(List<Row> rows, List<Row> spanning) {
        List<Row> sortedSpanning = topDown(spanning);
        List<List<Row>> bands = new ArrayList<>();
        for (int i = 0; i <= sortedSpanning.size(); i++) {
            bands.add(new ArrayList<>());
        }
        for (Row row : rows) {
            if (spanning.contains(row)) {
                continue;
            }
            int band = 0;
            while (band < sortedSpanning.size() && row.centerY() > sortedSpanning.get(band).centerY()) {
                band++;
            }
            bands.get(band).add(row);
        }
        List<Row> ordered = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            List<Row> band = bands.get(i);
            ordered.addAll(band.size() < rows.size() ? order(band) : topDown(band));
            if (i < sortedSpanning.size()) {
                ordered.add(sortedSpanning.get(i));
            }
        }
        return ordered;
    }

    static List<Row> topDown(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(Row::centerY).thenComparingDouble(Row::x0));
        return sorted;
    }
}
