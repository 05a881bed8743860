package io.pero.ocr.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Joins fragments that sit side by side on one text row into one row (table cells, a line the detector cut at a
 * wide word gap) unless the gap between them is a column gutter. All distances are in units of the page's median
 * line height, so the rules hold at any resolution.
 *
 * <p>A gap is a gutter when no nearby line of running text runs across it and there is running text on both sides:
 * the fragment itself or lines within a few line heights above or below that end left of it (start right of it).
 * Table cells and ticket digits are short, so their rows are joined; a paragraph's last, short line next to the
 * other column's full line is not, and neither is a caption set in the gutter beside a column.
 */
final class RowMerger {
    /**
     * How far above and below (in line heights) neighbouring lines are consulted: three or four lines of a column on
     * each side show where its edges run, while a layout change further away (a title, the next section) does not
     * count.
     */
    private static final double WINDOW = 4;
    /**
     * Two fragments are on one row when they overlap vertically by at least this fraction of the lower one: lines of
     * one row share most of their height, consecutive lines (spaced about 1.2 line heights) share little or none.
     */
    private static final double SAME_ROW_OVERLAP = 0.5;
    /**
     * Fragments whose heights differ more than this are in different type sizes and are not one row; detected heights
     * of one size vary by about ±25 % with ascenders, descenders and digits.
     */
    private static final double MAX_HEIGHT_RATIO = 1.6;
    /**
     * A line this much wider than the typical line near it spans columns (a title): it does not bridge a gutter. Column
     * lines vary by a few characters; a title over two columns is about twice as wide.
     */
    static final double SPANNING = 1.4;
    /**
     * A gutter leaves a strip at least this many line heights wide free of nearby lines: a word space is about 0.25
     * line heights, so a narrower strip is chance between words of neighbouring lines.
     */
    private static final double MIN_STRIP = 0.25;

    /**
     * Text beside a rule ends or starts within this many line heights of it: a gutter with a column rule in its
     * middle is about one line height wide.
     */
    static final double RULE_SIDE = 2;

    /**
     * Fragments further apart than this many line heights are not one row: the widest gaps inside a row, between a
     * receipt's item and its price or between a wide table's columns, are about a dozen line heights; beyond that,
     * fragments that merely lie level are unrelated (a chart's legend and a sliver of the facing page).
     */
    static final double MAX_ROW_GAP = 20;

    /** Line edges within this many line heights of each other are aligned (a justified or flush column edge). */
    static final double EDGE_TOLERANCE = 0.3;
    /**
     * Lines at least this many line heights wide (about ten characters) can form a column edge: narrower than the
     * narrowest column of running text (newspaper columns, text wrapped round a photo), wider than a price, a table
     * number or a chart label, whose aligned edges make a table column rather than a gutter.
     */
    static final double COLUMN_LINE = 5;
    /** A column edge is shared by at least this many further lines: two are chance, three are a column. */
    static final int MIN_EDGE_LINES = 2;

    private final List<LineBox> boxes;
    private final LineScale scale;
    private final double lineHeight;
    private final Rules rules;

    RowMerger(List<LineBox> boxes, LineScale scale) {
        this(boxes, scale, Rules.NONE);
    }

    RowMerger(List<LineBox> boxes, LineScale scale, Rules rules) {
        this.boxes = boxes;
        this.scale = scale;
        this.lineHeight = scale.lineHeight();
        this.rules = rules;
    }

    /** Rows (fragments left to right), in no particular order. */
    List<List<LineBox>> rows() {
        List<LineBox> byX = new ArrayList<>(boxes);
        byX.sort(Comparator.comparingDouble(LineBox::x0));
        int[] parent = new int[byX.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < byX.size(); i++) {
            int j = rightNeighbour(byX, i);
            if (j >= 0 && sameFrame(byX.get(i), byX.get(j))
                    && byX.get(j).x0() - byX.get(i).x1() <= MAX_ROW_GAP * lineHeight
                    && !isGutter(byX.get(i), byX.get(j))) {
                parent[find(parent, i)] = find(parent, j);
            }
        }
        List<List<LineBox>> groups = new ArrayList<>();
        java.util.Map<Integer, List<LineBox>> byRoot = new java.util.LinkedHashMap<>();
        for (int i = 0; i < byX.size(); i++) {
            byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(byX.get(i));
        }
        groups.addAll(byRoot.values());
        return groups;
    }

    /** The next fragment to the right on the same row (the nearest left edge), or -1. */
    private int rightNeighbour(List<LineBox> byX, int i) {
        LineBox a = byX.get(i);
        for (int j = i + 1; j < byX.size(); j++) {
            LineBox b = byX.get(j);
            double ratio = Math.max(a.height(), b.height()) / Math.min(a.height(), b.height());
            if (b.x0() > a.x0() && a.verticalOverlap(b) >= SAME_ROW_OVERLAP && ratio <= MAX_HEIGHT_RATIO) {
                return j;
            }
        }
        return -1;
    }

    /** Text in two different frames (or in one and outside it) is never one row, however close. */
    private boolean sameFrame(LineBox a, LineBox b) {
        return rules.frameOf(a.centerX(), a.centerY()) == rules.frameOf(b.centerX(), b.centerY());
    }

    boolean isGutter(LineBox a, LineBox b) {
        // A rule between running text is a column rule; between short cells it is a table's inner rule, and the
        // cells of a table row are read together.
        double y = (Math.max(a.y0(), b.y0()) + Math.min(a.y1(), b.y1())) / 2;
        Ruling rule = rules.verticalAt(a.x1(), b.x0(), y);
        if (rule != null && (isLong(a) || isLong(b) || isColumnRule(rule))) {
            return true;
        }
        if (isColumnLine(b) && alignedEdges(b, true) >= MIN_EDGE_LINES
                || isColumnLine(a) && alignedEdges(a, false) >= MIN_EDGE_LINES
                || b.x0() > justifiedColumnEnd(a)) {
            return true;
        }
        List<LineBox> nearbyText = new ArrayList<>();
        for (LineBox c : boxes) {
            if (c != a && c != b && isLong(c) && Math.abs(c.centerY() - a.centerY()) <= WINDOW * lineHeight) {
                nearbyText.add(c);
            }
        }
        // Only running text bridges a gap: a caption or label straddling a gutter does not join the columns, and
        // neither does a title spanning both columns (much wider than the lines around it).
        double[] strip = widestFreeStrip(a.x1(), b.x0(), withoutSpanning(nearbyText));
        if (strip == null || strip[1] - strip[0] < MIN_STRIP * lineHeight) {
            return false;
        }
        double mid = (strip[0] + strip[1]) / 2;
        boolean leftText = isLong(a);
        boolean rightText = isLong(b);
        for (LineBox c : nearbyText) {
            leftText |= c.x1() <= mid && c.x1() > a.x0();
            rightText |= c.x0() >= mid && c.x0() < b.x1();
        }
        return leftText && rightText;
    }

    /**
     * Whether running text stands right beside the rule on both sides somewhere along it (within {@link #RULE_SIDE}):
     * then it is a column rule, and even two short pieces of a worn line that the detector broke up are not joined
     * across it. A table's inner rules have only short cells beside them, and the cells of a row are read together.
     */
    private boolean isColumnRule(Ruling rule) {
        double x = (rule.x0() + rule.x1()) / 2;
        boolean left = false;
        boolean right = false;
        for (LineBox c : boxes) {
            if (isLong(c) && c.centerY() >= rule.minY() && c.centerY() <= rule.maxY()) {
                left |= c.x1() <= x && c.x1() >= x - RULE_SIDE * lineHeight;
                right |= c.x0() >= x && c.x0() <= x + RULE_SIDE * lineHeight;
            }
        }
        return left && right;
    }

    /**
     * How many other lines of running text near {@code box} (within {@link #WINDOW} line heights above or below)
     * start (or, for {@code left == false}, end) where it does, within {@link #EDGE_TOLERANCE}: lines that share an
     * edge form a column, and the gap in front of a column's edge is a gutter, whatever stands beyond it (chart
     * labels, a photo's stray marks, the neighbouring column).
     */
    private int alignedEdges(LineBox box, boolean left) {
        int n = 0;
        for (LineBox c : boxes) {
            if (c != box && isColumnLine(c) && Math.abs(c.centerY() - box.centerY()) <= WINDOW * lineHeight
                    && Math.abs(left ? c.x0() - box.x0() : c.x1() - box.x1()) <= EDGE_TOLERANCE * lineHeight) {
                n++;
            }
        }
        return n;
    }

    /**
     * The right edge of the justified column that {@code box} starts in: the common right edge of the nearby column
     * lines that start where it starts, when at least {@link #MIN_EDGE_LINES} + 1 of them share it; otherwise
     * infinity. A paragraph's short last line belongs to that column, and whatever lies beyond the edge (a caption
     * beside it, the next column) does not join its row.
     */
    private double justifiedColumnEnd(LineBox box) {
        List<Double> ends = new ArrayList<>();
        for (LineBox c : boxes) {
            if (c != box && isColumnLine(c) && Math.abs(c.centerY() - box.centerY()) <= WINDOW * lineHeight
                    && Math.abs(c.x0() - box.x0()) <= EDGE_TOLERANCE * lineHeight) {
                ends.add(c.x1());
            }
        }
        if (ends.size() <= MIN_EDGE_LINES) {
            return Double.MAX_VALUE;
        }
        ends.sort(null);
        double median = ends.get(ends.size() / 2);
        long aligned = ends.stream().filter(e -> Math.abs(e - median) <= EDGE_TOLERANCE * lineHeight).count();
        return aligned > MIN_EDGE_LINES ? median + EDGE_TOLERANCE * lineHeight : Double.MAX_VALUE;
    }

    private static List<LineBox> withoutSpanning(List<LineBox> lines) {
        if (lines.size() < 3) {
            return lines;
        }
        double[] widths = lines.stream().mapToDouble(LineBox::width).sorted().toArray();
        double typical = widths[widths.length / 2];
        return lines.stream().filter(c -> c.width() <= SPANNING * typical).toList();
    }

    /** The widest part of [from, to] that no nearby line covers, or null when it is all covered. */
    static double[] widestFreeStrip(double from, double to, List<LineBox> nearby) {
        if (to <= from) {
            return null;
        }
        List<double[]> covered = new ArrayList<>();
        for (LineBox c : nearby) {
            if (c.x1() > from && c.x0() < to) {
                covered.add(new double[] {Math.max(from, c.x0()), Math.min(to, c.x1())});
            }
        }
        covered.sort(Comparator.comparingDouble(c -> c[0]));
        double[] best = null;
        double cursor = from;
        for (double[] c : covered) {
            if (c[0] > cursor && (best == null || c[0] - cursor > best[1] - best[0])) {
                best = new double[] {cursor, c[0]};
            }
            cursor = Math.max(cursor, c[1]);
        }
        if (to > cursor && (best == null || to - cursor > best[1] - best[0])) {
            best = new double[] {cursor, to};
        }
        return best;
    }

    private boolean isColumnLine(LineBox box) {
        return box.width() >= COLUMN_LINE * lineHeight;
    }

    boolean isLong(LineBox box) {
        return box.width() >= scale.textRun();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
