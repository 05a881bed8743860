package io.pero.ocr.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Joins fragments that sit side by side on one text row into one row (table cells, a line the detector cut at a
 * wide word gap) unless the gap between them is a column gutter. All distances are in units of the page's median
 * line height, so the rules hold at any resolution.
 *
 * <p>A gap is a gutter when no nearby line runs across it and it separates text columns: a long line (a full line of
 * running text) borders it, or long lines end left of it and start right of it within a few lines above or below.
 * Table cells and ticket digits are short, so their rows are joined; a paragraph's last, short line next to the
 * other column's full line is not.
 */
final class RowMerger {
    /** A fragment at least this many line heights wide is running text ("long"). */
    static final double LONG_LINE = 12;
    /** How far above and below (in line heights) neighbouring lines are consulted. */
    private static final double WINDOW = 4;
    /** Two fragments are on one row when they overlap vertically by at least this fraction of the lower one. */
    private static final double SAME_ROW_OVERLAP = 0.5;
    private static final double MAX_HEIGHT_RATIO = 1.6;

    private final List<LineBox> boxes;
    private final double lineHeight;

    RowMerger(List<LineBox> boxes, double lineHeight) {
        this.boxes = boxes;
        this.lineHeight = lineHeight;
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
            if (j >= 0 && !isGutter(byX.get(i), byX.get(j))) {
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

    private int rightNeighbour(List<LineBox> byX, int i) {
        LineBox a = byX.get(i);
        int best = -1;
        double bestGap = Double.MAX_VALUE;
        for (int j = 0; j < byX.size(); j++) {
            LineBox b = byX.get(j);
            if (j == i || b.x0() < a.x1() - 0.5 * Math.min(a.height(), b.height()) || b.x0() <= a.x0()) {
                continue;
            }
            double ratio = Math.max(a.height(), b.height()) / Math.min(a.height(), b.height());
            if (a.verticalOverlap(b) >= SAME_ROW_OVERLAP && ratio <= MAX_HEIGHT_RATIO) {
                double gap = b.x0() - a.x1();
                if (gap < bestGap) {
                    bestGap = gap;
                    best = j;
                }
            }
        }
        return best;
    }

    boolean isGutter(LineBox a, LineBox b) {
        double mid = (a.x1() + b.x0()) / 2;
        double half = 0.5 * lineHeight;
        boolean leftText = false;
        boolean rightText = false;
        for (LineBox c : boxes) {
            if (c == a || c == b || Math.abs(c.centerY() - a.centerY()) > WINDOW * lineHeight) {
                continue;
            }
            if (c.x0() < mid - half && c.x1() > mid + half) {
                return false;
            }
            if (isLong(c)) {
                leftText |= c.x1() <= mid && c.x1() > a.x0();
                rightText |= c.x0() >= mid && c.x0() < b.x1();
            }
        }
        return isLong(a) || isLong(b) || leftText && rightText;
    }

    boolean isLong(LineBox box) {
        return box.width() >= LONG_LINE * lineHeight;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
