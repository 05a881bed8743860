package io.pero.ocr.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Orders blocks with Breuel's pairwise reading-order relation (T. M. Breuel, "High performance document layout
 * analysis", 2003; used by OCRopus and kraken) followed by a topological sort. Block u comes before block v when
 * <ul>
 *   <li>they overlap horizontally (share a column) and u is above v, or</li>
 *   <li>u is left of v and no third block separates them: none lies in the vertical range of the two and spans
 *       across both (a title over both columns between them does; see {@link #SEPARATOR_COVER}).</li>
 * </ul>
 * The relation is evaluated on blocks rather than on single lines, so a paragraph that merely starts lower than the
 * neighbouring column's first line still follows it as a whole. Where the relation leaves a choice, or is cyclic
 * (overlapping, skewed remains), the topmost (then leftmost) candidate goes first.
 */
final class BlockOrder {
    /**
     * A block separates two side-by-side blocks when it spans at least this share of each one's width: a title or a
     * full-width paragraph across both columns does, a caption or pull quote that only reaches into them does not.
     */
    static final double SEPARATOR_COVER = 0.5;

    /**
     * Blocks whose widths overlap by less than this share of the narrower one stand side by side, not one above the
     * other: on a skewed or warped scan the deskewed edges of neighbouring columns, or of the pieces of a line cut at
     * the gutter, overlap by a few per cent, while a block under a column shares most of its width.
     */
    static final double EDGE_OVERLAP = 0.1;

    /**
     * A column starts level with a block reaching into it when their tops are less than this many of the column's
     * lines apart: the columns do not run on above it, so it introduces them rather than interrupting them.
     */
    static final double LEVEL = 1;

    /** A running foot is at most this many line heights high: two lines and their spacing. */
    static final double MAX_FOOT = 3;

    private BlockOrder() {
    }

    /** A block's bounding box. */
    record Box(double x0, double y0, double x1, double y1, double lineHeight) {
        static Box of(List<Row> rows) {
            double x0 = Double.MAX_VALUE;
            double y0 = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;
            double[] heights = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                x0 = Math.min(x0, r.x0());
                y0 = Math.min(y0, r.y0());
                x1 = Math.max(x1, r.x1());
                y1 = Math.max(y1, r.y1());
                heights[i] = r.height();
            }
            java.util.Arrays.sort(heights);
            return new Box(x0, y0, x1, y1, heights[heights.length / 2]);
        }
    }

    /**
     * The blocks in reading order: those of the page's foot (see {@link #foot}) last, the others by the pairwise
     * relation.
     */
    static List<Integer> order(List<Box> boxes) {
        int[] outside = new int[boxes.size()];
        java.util.Arrays.fill(outside, -1);
        return order(boxes, outside);
    }

    /**
     * @param frames for each block, the frame (a ruled box, see {@link Rules}) it stands in, or -1. The text outside
     *               frames is read first; each frame's blocks follow as a unit, frames in the order of the pairwise
     *               relation over their outlines: a bordered sidebar or advertisement is read after the running
     *               text it interrupts, and a table's boxed column groups one after the other.
     */
    static List<Integer> order(List<Box> boxes, int[] frames) {
        List<Integer> foot = foot(boxes);
        List<Integer> inserts = new ArrayList<>();
        List<Integer> body = new ArrayList<>();
        java.util.Map<Integer, List<Integer>> framed = new java.util.TreeMap<>();
        boolean anyOutside = false;
        for (int f : frames) {
            anyOutside |= f < 0;
        }
        // Whether a block is an insert is judged among the unframed blocks only: a framed box beside a column is
        // read after the text anyway, and the column does not flow round it.
        List<Box> unframed = new ArrayList<>();
        List<Integer> unframedIndex = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            if (foot.contains(i)) {
                continue;
            }
            if (frames[i] >= 0 && anyOutside) {
                framed.computeIfAbsent(frames[i], k -> new ArrayList<>()).add(i);
            } else {
                unframed.add(boxes.get(i));
                unframedIndex.add(i);
            }
        }
        java.util.Set<Integer> leadIns = new java.util.HashSet<>();
        for (int k = 0; k < unframed.size(); k++) {
            Placement placement = placement(unframed, k);
            (placement == Placement.INSERT ? inserts : body).add(unframedIndex.get(k));
            if (placement == Placement.LEAD_IN) {
                leadIns.add(unframedIndex.get(k));
            }
        }
        List<List<Integer>> units = new ArrayList<>(framed.values());
        List<Box> outlines = units.stream().map(u -> outline(boxes, u)).toList();
        // A frame read apart from the body still stands between its parts: a bordered advertisement across two
        // columns separates what lies below it from the column beside it, as a title would.
        List<Integer> order = new ArrayList<>(orderBand(boxes, body, outlines, leadIns));
        order.addAll(orderBand(boxes, inserts, outlines));
        for (int u : orderByRelation(outlines)) {
            order.addAll(orderBand(boxes, units.get(u), List.of()));
        }
        order.addAll(orderBand(boxes, foot, List.of()));
        return order;
    }

    private static Box outline(List<Box> boxes, List<Integer> members) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        double[] heights = new double[members.size()];
        for (int k = 0; k < members.size(); k++) {
            Box b = boxes.get(members.get(k));
            x0 = Math.min(x0, b.x0());
            y0 = Math.min(y0, b.y0());
            x1 = Math.max(x1, b.x1());
            y1 = Math.max(y1, b.y1());
            heights[k] = b.lineHeight();
        }
        java.util.Arrays.sort(heights);
        return new Box(x0, y0, x1, y1, heights[heights.length / 2]);
    }

    /**
     * An insert (caption, pull quote, box set into the text) reaches into two side-by-side columns while both run on
     * above and below it: the columns flow round it, so it is read after the body text, as the ground truth of
     * magazines and journals has it. Each column may be broken into blocks round it, and some of them stand beside
     * it. A title over the columns, or between two sections of them, has nothing beside it and stays in place.
     */
    static boolean isInsert(List<Box> boxes, int wi) {
        return placement(boxes, wi) == Placement.INSERT;
    }

    /** Where a block that reaches into two columns is read; see {@link #isInsert} and {@link Placement#LEAD_IN}. */
    enum Placement {
        /** In the flow of the pairwise relation. */
        BODY,
        /** After the body: a caption or pull quote the columns flow round. */
        INSERT,
        /**
         * Before the columns beside it: a deck or standfirst set between the first lines of two columns, which
         * start level with it and run on below it. It introduces them, as a title above them would.
         */
        LEAD_IN
    }

    static Placement placement(List<Box> boxes, int wi) {
        Box w = boxes.get(wi);
        double middle = (w.x0() + w.x1()) / 2;
        List<Box> left = new ArrayList<>();
        List<Box> right = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Box c = boxes.get(i);
            // Only lines of running text make columns: the numbers and labels of a chart beside a paragraph do not.
            if (i != wi && xOverlap(w, c) && c.x1() - c.x0() >= RowMerger.COLUMN_LINE * c.lineHeight()) {
                ((c.x0() + c.x1()) / 2 < middle ? left : right).add(c);
            }
        }
        if (Stream.concat(left.stream(), right.stream()).noneMatch(c -> c.y0() < w.y1() && c.y1() > w.y0())) {
            return Placement.BODY;
        }
        boolean leadIn = false;
        for (Box leftAbove : left) {
            for (Box rightAbove : right) {
                if (leftAbove.y0() < w.y0() && rightAbove.y0() < w.y0() && !xOverlap(leftAbove, rightAbove)
                        && runsBelow(left, rightAbove, w) && runsBelow(right, leftAbove, w)) {
                    if (!startsLevel(leftAbove, w) || !startsLevel(rightAbove, w)) {
                        return Placement.INSERT;
                    }
                    leadIn = true;
                }
            }
        }
        return leadIn ? Placement.LEAD_IN : Placement.BODY;
    }

    /** Whether column block c starts less than {@link #LEVEL} of its lines above w. */
    private static boolean startsLevel(Box c, Box w) {
        return c.y0() >= w.y0() - LEVEL * c.lineHeight();
    }

    /** Whether one of {@code side} ends below w without sharing a column with the other side's block. */
    private static boolean runsBelow(List<Box> side, Box other, Box w) {
        for (Box c : side) {
            if (c.y1() > w.y1() && !xOverlap(c, other)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The running foot: the lowest blocks, when they lie wholly below every other block and are no more than
     * {@link #MAX_FOOT} of their line heights high (a page number, a running title, a footer line). Under one column
     * the pairwise relation would read it before the next column; it belongs after all of them.
     */
    static List<Integer> foot(List<Box> boxes) {
        List<Integer> byTop = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            byTop.add(i);
        }
        byTop.sort(java.util.Comparator.comparingDouble(i -> -boxes.get(i).y0()));
        List<Integer> best = List.of();
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (int k = 0; k < byTop.size() - 1; k++) {
            Box b = boxes.get(byTop.get(k));
            top = Math.min(top, b.y0());
            bottom = Math.max(bottom, b.y1());
            if (bottom - top > MAX_FOOT * b.lineHeight()) {
                break;
            }
            double restBottom = -Double.MAX_VALUE;
            for (int j = k + 1; j < byTop.size(); j++) {
                restBottom = Math.max(restBottom, boxes.get(byTop.get(j)).y1());
            }
            if (restBottom <= top) {
                best = List.copyOf(byTop.subList(0, k + 1));
            }
        }
        return best;
    }

    /** @param frames outlines of frames read apart, which still separate blocks of the band as a title would */
    private static List<Integer> orderBand(List<Box> all, List<Integer> band, List<Box> frames) {
        return orderBand(all, band, frames, java.util.Set.of());
    }

    /** @param leadIns blocks of the band that go before the blocks starting level with them or lower beside them */
    private static List<Integer> orderBand(List<Box> all, List<Integer> band, List<Box> frames,
                                           java.util.Set<Integer> leadIns) {
        List<Box> boxes = band.stream().map(all::get).toList();
        List<Box> separators = new ArrayList<>(boxes);
        separators.addAll(frames);
        int n = boxes.size();
        boolean[][] before = relation(boxes, separators);
        for (int u = 0; u < n; u++) {
            if (!leadIns.contains(band.get(u))) {
                continue;
            }
            Box w = boxes.get(u);
            for (int v = 0; v < n; v++) {
                Box c = boxes.get(v);
                if (v != u && c.y1() > w.y0() && startsLevel(c, w)) {
                    before[u][v] = true;
                    before[v][u] = false;
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i : topologicalSort(boxes, before)) {
            order.add(band.get(i));
        }
        return order;
    }

    static List<Integer> orderByRelation(List<Box> boxes) {
        return orderByRelation(boxes, boxes);
    }

    /** @param separators the blocks that may stand between two of {@code boxes} (they may include those boxes) */
    static List<Integer> orderByRelation(List<Box> boxes, List<Box> separators) {
        return topologicalSort(boxes, relation(boxes, separators));
    }

    private static boolean[][] relation(List<Box> boxes, List<Box> separators) {
        int n = boxes.size();
        boolean[][] before = new boolean[n][n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                before[u][v] = u != v && precedes(boxes.get(u), boxes.get(v), separators);
            }
        }
        return before;
    }

    static boolean precedes(List<Box> boxes, int ui, int vi) {
        return precedes(boxes.get(ui), boxes.get(vi), boxes);
    }

    private static boolean precedes(Box u, Box v, List<Box> separators) {
        if (xOverlap(u, v)) {
            return u.y0() < v.y0();
        }
        if (u.x1() > v.x0() + tolerance(u, v)) {
            return false;
        }
        for (Box w : separators) {
            if (w != u && w != v && separates(w, u, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean separates(Box w, Box u, Box v) {
        double middle = (w.y0() + w.y1()) / 2;
        if (middle < Math.min(u.y0(), v.y0()) || middle > Math.max(u.y1(), v.y1())) {
            return false;
        }
        return cover(w, u) >= SEPARATOR_COVER && cover(w, v) >= SEPARATOR_COVER;
    }

    /** The share of b's width that a spans. */
    private static double cover(Box a, Box b) {
        return Math.max(0, Math.min(a.x1(), b.x1()) - Math.max(a.x0(), b.x0())) / (b.x1() - b.x0());
    }

    /**
     * Horizontal overlap beyond {@link BlockBuilder#MIN_OVERLAP} line heights and beyond {@link #EDGE_OVERLAP} of the
     * narrower block's width.
     */
    static boolean xOverlap(Box u, Box v) {
        return Math.min(u.x1(), v.x1()) - Math.max(u.x0(), v.x0()) > tolerance(u, v);
    }

    private static double tolerance(Box u, Box v) {
        double narrower = Math.min(u.x1() - u.x0(), v.x1() - v.x0());
        return Math.max(BlockBuilder.MIN_OVERLAP * Math.min(u.lineHeight(), v.lineHeight()), EDGE_OVERLAP * narrower);
    }

    /** Kahn's algorithm; among the blocks free to go, the topmost; a cycle is broken at its topmost block. */
    private static List<Integer> topologicalSort(List<Box> boxes, boolean[][] before) {
        int n = boxes.size();
        int[] pending = new int[n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (before[u][v]) {
                    pending[v]++;
                }
            }
        }
        boolean[] done = new boolean[n];
        List<Integer> order = new ArrayList<>(n);
        while (order.size() < n) {
            int pick = -1;
            for (int v = 0; v < n; v++) {
                if (!done[v] && pending[v] == 0 && (pick < 0 || higher(boxes.get(v), boxes.get(pick)))) {
                    pick = v;
                }
            }
            if (pick < 0) {
                for (int v = 0; v < n; v++) {
                    if (!done[v] && (pick < 0 || higher(boxes.get(v), boxes.get(pick)))) {
                        pick = v;
                    }
                }
            }
            done[pick] = true;
            order.add(pick);
            for (int v = 0; v < n; v++) {
                if (before[pick][v]) {
                    pending[v]--;
                }
            }
        }
        return order;
    }

    private static boolean higher(Box a, Box b) {
        return a.y0() < b.y0() || a.y0() == b.y0() && a.x0() < b.x0();
    }
}
