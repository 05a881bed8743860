package io.pero.ocr.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups rows into blocks (paragraphs, column pieces, boxes, captions): two rows are consecutive lines of one block
 * when each is the other's only neighbour across a line gap — the lower row is the only row just below the upper one
 * that overlaps it horizontally, and the upper row the only one just above the lower one — and their heights match.
 * A title over two columns has two rows under it and so stays a block of its own; a caption under a column line is
 * set off by its gap or its smaller type. Blocks are therefore chains of rows, read top to bottom.
 */
final class BlockBuilder {
    /**
     * Rows further apart than this many line heights (of the taller row) are not consecutive lines. Body text is set
     * with gaps of about 0.2–0.5 line heights; a gap of a full line height is a blank line, the usual paragraph or
     * section break.
     */
    static final double MAX_LINE_GAP = 1.0;
    /**
     * Rows whose heights differ by more than this factor are set in different type sizes (a title over its text, a
     * caption under a column). Detected heights of one size vary by about ±20 % with ascenders and descenders.
     */
    static final double MAX_HEIGHT_RATIO = 1.5;
    /**
     * Rows overlap horizontally when they share more than this many line heights: less is a touching margin or a
     * skew residue, not a common column.
     */
    static final double MIN_OVERLAP = 0.5;

    /**
     * A row is on the next line below another when its centre is below the other's bottom, less this many line
     * heights: detected boxes include a margin, so tightly set consecutive lines overlap by up to a quarter line.
     */
    static final double LINE_OVERLAP = 0.25;
    /**
     * A gap this many line heights wider than a block's usual line gap ends the block: typeset line spacing varies
     * by far less, a blank half line is a deliberate break.
     */
    static final double EXTRA_GAP = 0.5;
    /** Lines of one column share at least this part of the narrower line's width (a short last line: all of it). */
    static final double SHARED_WIDTH = 0.5;

    private BlockBuilder() {
    }

    static List<List<Row>> blocks(List<Row> rows) {
        return blocks(rows, Rules.NONE);
    }

    static List<List<Row>> blocks(List<Row> rows, Rules rules) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(Row::y0).thenComparingDouble(Row::x0));
        int n = sorted.size();
        List<List<Integer>> below = new ArrayList<>();
        List<List<Integer>> above = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            below.add(new ArrayList<>());
            above.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j : nextBelow(sorted, i, rules)) {
                below.get(i).add(j);
                above.get(j).add(i);
            }
        }
        int[] next = new int[n];
        boolean[] hasPrevious = new boolean[n];
        java.util.Arrays.fill(next, -1);
        for (int i = 0; i < n; i++) {
            if (below.get(i).size() == 1) {
                int j = below.get(i).get(0);
                if (above.get(j).size() == 1 && sameType(sorted.get(i), sorted.get(j))) {
                    next[i] = j;
                    hasPrevious[j] = true;
                }
            }
        }
        List<List<Row>> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!hasPrevious[i]) {
                List<Row> block = new ArrayList<>();
                for (int k = i; k >= 0; k = next[k]) {
                    block.add(sorted.get(k));
                }
                blocks.addAll(splitAtWideGaps(block));
            }
        }
        return blocks;
    }

    /**
     * A block's lines are evenly spaced; where a gap exceeds the block's usual gap by {@link #EXTRA_GAP} line heights,
     * a new block starts (a paragraph set off by space, a running foot under a column).
     */
    private static List<List<Row>> splitAtWideGaps(List<Row> block) {
        if (block.size() < 3) {
            return List.of(block);
        }
        double[] gaps = new double[block.size() - 1];
        double[] heights = new double[block.size()];
        for (int k = 0; k < block.size(); k++) {
            heights[k] = block.get(k).height();
            if (k > 0) {
                gaps[k - 1] = block.get(k).y0() - block.get(k - 1).y1();
            }
        }
        double[] sortedGaps = gaps.clone();
        java.util.Arrays.sort(sortedGaps);
        java.util.Arrays.sort(heights);
        double limit = sortedGaps[sortedGaps.length / 2] + EXTRA_GAP * heights[heights.length / 2];
        List<List<Row>> parts = new ArrayList<>();
        List<Row> part = new ArrayList<>(List.of(block.get(0)));
        for (int k = 1; k < block.size(); k++) {
            if (gaps[k - 1] > limit) {
                parts.add(part);
                part = new ArrayList<>();
            }
            part.add(block.get(k));
        }
        parts.add(part);
        return parts;
    }

    /** The rows right below row i: overlapping it horizontally, within a line gap, with no such row between. */
    private static List<Integer> nextBelow(List<Row> sorted, int i, Rules rules) {
        Row a = sorted.get(i);
        int frame = rules.frameOf((a.x0() + a.x1()) / 2, a.centerY());
        List<Integer> candidates = new ArrayList<>();
        for (int j = 0; j < sorted.size(); j++) {
            Row b = sorted.get(j);
            double h = Math.max(a.height(), b.height());
            double gap = b.y0() - a.y1();
            if (j != i && b.centerY() > a.y1() - LINE_OVERLAP * h && b.y0() > a.centerY() && gap <= MAX_LINE_GAP * h
                    && overlaps(a, b) && rules.frameOf((b.x0() + b.x1()) / 2, b.centerY()) == frame
                    && !rules.horizontalBetween(a.centerY(), b.centerY(), Math.max(a.x0(), b.x0()),
                    Math.min(a.x1(), b.x1()))) {
                // A rule under a line closes its block (a ruled-off heading, a table's header row).
                candidates.add(j);
            }
        }
        List<Integer> nearest = new ArrayList<>();
        for (int j : candidates) {
            boolean covered = false;
            for (int k : candidates) {
                Row c = sorted.get(k);
                Row b = sorted.get(j);
                covered |= k != j && overlaps(c, b) && c.centerY() < b.y0();
            }
            if (!covered) {
                nearest.add(j);
            }
        }
        return nearest;
    }

    /**
     * Whether b could continue a's column: they share more than {@link #MIN_OVERLAP} line heights and at least
     * {@link #SHARED_WIDTH} of the narrower one's width. A caption or pull quote that only reaches into a column
     * does not continue it.
     */
    static boolean overlaps(Row a, Row b) {
        double h = Math.min(a.height(), b.height());
        double shared = Math.min(a.x1(), b.x1()) - Math.max(a.x0(), b.x0());
        return shared > MIN_OVERLAP * h && shared >= SHARED_WIDTH * Math.min(a.width(), b.width());
    }

    private static boolean sameType(Row a, Row b) {
        return Math.max(a.height(), b.height()) <= MAX_HEIGHT_RATIO * Math.min(a.height(), b.height());
    }
}
