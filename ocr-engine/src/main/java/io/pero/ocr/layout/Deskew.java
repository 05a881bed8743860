package io.pero.ocr.layout;

import io.pero.ocr.detect.Quad;
import java.util.ArrayList;
import java.util.List;

/**
 * The page's skew, from the angles of its long lines (short fragments have unreliable angles), and the lines'
 * boxes in the page frame rotated back by it, where columns are vertical and rows horizontal.
 */
public final class Deskew {
    /** Lines at least this many times longer than high vote on the angle. */
    private static final double LONG_LINE_ASPECT = 3;

    private Deskew() {
    }

    /** Length-weighted median angle of long lines, in radians; 0 when there are none. */
    public static double angle(List<Quad> quads) {
        List<double[]> votes = new ArrayList<>();
        double total = 0;
        for (Quad q : quads) {
            if (q.width() >= LONG_LINE_ASPECT * q.height()) {
                votes.add(new double[] {q.angle(), q.width()});
                total += q.width();
            }
        }
        if (votes.isEmpty()) {
            return 0;
        }
        votes.sort((a, b) -> Double.compare(a[0], b[0]));
        double seen = 0;
        for (double[] vote : votes) {
            seen += vote[1];
            if (seen >= total / 2) {
                return vote[0];
            }
        }
        return votes.get(votes.size() - 1)[0];
    }

    /** Axis-aligned boxes of the quads after rotating the page by {@code -angle}. */
    public static List<LineBox> boxes(List<Quad> quads, double angle) {
        double cos = Math.cos(-angle);
        double sin = Math.sin(-angle);
        List<LineBox> boxes = new ArrayList<>(quads.size());
        for (int i = 0; i < quads.size(); i++) {
            Quad q = quads.get(i);
            double[] xs = {q.x0(), q.x1(), q.x2(), q.x3()};
            double[] ys = {q.y0(), q.y1(), q.y2(), q.y3()};
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int k = 0; k < 4; k++) {
                double x = xs[k] * cos - ys[k] * sin;
                double y = xs[k] * sin + ys[k] * cos;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
            boxes.add(new LineBox(i, minX, minY, maxX, maxY));
        }
        return boxes;
    }
}
