package io.pero.ocr.layout;

import io.pero.ocr.detect.Quad;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a detected line runs across a column gutter, so that it must be cut in two before the layout: on a small or
 * noisy scan the detector joins the lines of two columns across a narrow gutter, and the row then mixes both
 * columns' text. A word gap is a gutter when other lines nearby end, start, or have a gap of their own right there: a
 * column edge runs down the page, while word spaces of neighbouring lines rarely line up. All sizes are in units of
 * the median line height, measured in the deskewed frame.
 */
public final class GutterCuts {
    /** Lines this many line heights above and below are consulted: a few lines of each column. */
    static final double WINDOW = 4;
    /**
     * A gutter gap is at least this wide: a word space is about a quarter of a line height, a gutter, even a narrow
     * one, wider.
     */
    static final double MIN_GAP = 0.3;
    /** Edges and gaps of other lines line up with the gap to within this many line heights (a justified edge). */
    static final double ALIGN = RowMerger.EDGE_TOLERANCE;
    /**
     * At least this many other lines nearby mark the column edge: one or two lined-up word spaces are a river of a
     * justified paragraph, three are a column.
     */
    static final int MIN_SUPPORT = 3;

    /**
     * At most one line in this many near by may run across a gutter without a gap: the detector sometimes bridges a
     * narrow gutter without the recognizer seeing a space there, but across a single column's text most lines have no
     * gap at any one place (and monospaced type, whose spaces line up, has lines crossing at most places).
     */
    static final int CROSSING_SHARE = 6;

    private GutterCuts() {
    }

    /**
     * @param quads the detected lines, each read from its first corner along its top edge
     * @param gaps  for each line, its word gaps as {from, to} fractions of its length
     * @return for each line, the gaps at which to cut it (often none), as {from, to} fractions: the pieces end and
     *         start there
     */
    public static List<List<double[]>> find(List<Quad> quads, List<List<double[]>> gaps) {
        List<List<double[]>> cuts = new ArrayList<>();
        if (quads.isEmpty()) {
            return cuts;
        }
        List<LineBox> boxes = Deskew.boxes(quads, Deskew.angle(quads));
        double lineHeight = LineScale.of(boxes).lineHeight();
        List<List<double[]>> xGaps = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            LineBox b = boxes.get(i);
            List<double[]> spans = new ArrayList<>();
            for (double[] g : gaps.get(i)) {
                double from = b.x0() + g[0] * b.width();
                double to = b.x0() + g[1] * b.width();
                if (to - from >= MIN_GAP * lineHeight) {
                    spans.add(new double[] {from, to, g[0], g[1]});
                }
            }
            xGaps.add(spans);
        }
        double column = RowMerger.COLUMN_LINE * lineHeight;
        double align = ALIGN * lineHeight;
        for (int i = 0; i < boxes.size(); i++) {
            LineBox line = boxes.get(i);
            List<double[]> lineCuts = new ArrayList<>();
            double lastCut = line.x0();
            for (double[] gap : xGaps.get(i)) {
                // Both pieces must be as wide as a column's line; a table row's cells are left to the row merger.
                if (gap[0] - lastCut < column || line.x1() - gap[1] < column) {
                    continue;
                }
                if (support(boxes, xGaps, i, gap[0] - align, gap[1] + align, lineHeight) >= MIN_SUPPORT) {
                    lineCuts.add(new double[] {gap[2], gap[3]});
                    lastCut = gap[1];
                }
            }
            cuts.add(lineCuts);
        }
        return cuts;
    }

    /** How many other lines near line i end, start or have a gutter-wide gap within [from, to]. */
    private static int support(List<LineBox> boxes, List<List<double[]>> xGaps, int i, double from, double to,
                               double lineHeight) {
        LineBox line = boxes.get(i);
        int n = 0;
        int crossing = 0;
        for (int j = 0; j < boxes.size(); j++) {
            LineBox c = boxes.get(j);
            if (j == i || Math.abs(c.centerY() - line.centerY()) > WINDOW * lineHeight) {
                continue;
            }
            boolean marks = c.x1() >= from && c.x1() <= to && c.x0() < from
                    || c.x0() >= from && c.x0() <= to && c.x1() > to;
            for (double[] g : xGaps.get(j)) {
                marks |= g[0] <= to && g[1] >= from;
            }
            if (marks) {
                n++;
            } else if (c.x0() < from && c.x1() > to) {
                crossing++;
            }
        }
        // Lines running on across the place without a gap deny the gutter: in a single column most lines do.
        return crossing * CROSSING_SHARE > n ? 0 : n;
    }
}
