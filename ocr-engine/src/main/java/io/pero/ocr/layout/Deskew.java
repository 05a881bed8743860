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
    /** Neighbours further off the horizontal than this slope (about 11 degrees) are on different rows. */
    private static final double MAX_SKEW = 0.2;
    /** Neighbours in the same type size, whose centres line up along the row: heights within ±50 %. */
    private static final double SIMILAR_HEIGHT = 1.5;

    private Deskew() {
    }

    /**
     * Weighted median of two kinds of evidence, in radians; 0 when there is none. Long lines vote with their own
     * angle, weighted by length. Neighbouring fragments on one row (table cells, ticket digits) vote with the angle
     * between their centres, weighted by distance: on a page without long lines that is the only evidence.
     */
    public static double angle(List<Quad> quads) {
        List<double[]> votes = new ArrayList<>();
        for (Quad q : quads) {
            if (q.width() >= LONG_LINE_ASPECT * q.height()) {
                votes.add(new double[] {q.angle(), q.width()});
            }
        }
        votes.addAll(neighbourVotes(quads));
        return weightedMedian(votes);
    }

    private static List<double[]> neighbourVotes(List<Quad> quads) {
        List<double[]> votes = new ArrayList<>();
        for (Quad a : quads) {
            Quad nearest = null;
            double nearestDx = Double.MAX_VALUE;
            for (Quad b : quads) {
                double dx = b.centerX() - a.centerX();
                double dy = Math.abs(b.centerY() - a.centerY());
                double h = Math.min(a.height(), b.height());
                boolean similar = Math.max(a.height(), b.height()) <= SIMILAR_HEIGHT * h;
                if (b != a && dx > 0 && dy < h && dy < dx * MAX_SKEW && similar && dx < nearestDx) {
                    nearest = b;
                    nearestDx = dx;
                }
            }
            if (nearest != null) {
                votes.add(new double[] {Math.atan2(nearest.centerY() - a.centerY(), nearestDx), nearestDx});
            }
        }
        return votes;
    }

    private static double weightedMedian(List<double[]> votes) {
        if (votes.isEmpty()) {
            return 0;
        }
        votes.sort((a, b) -> Double.compare(a[0], b[0]));
        double total = 0;
        for (double[] vote : votes) {
            total += vote[1];
        }
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
