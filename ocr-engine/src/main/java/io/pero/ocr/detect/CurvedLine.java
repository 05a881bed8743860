package io.pero.ocr.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;

/**
 * Follows a curved line. On a photo of a curved page a line's kernel bends, and the smallest rectangle around it is
 * much thicker than the text: a crop of that rectangle holds parts of the neighbouring lines. The kernel is cut into
 * slices along the line; each slice gets a band as high as the line's text, centred where the kernel is in that slice,
 * so that the slices cut out side by side give the line straightened. A straight line keeps its rectangle.
 */
final class CurvedLine {
    /**
     * Slice length in (upper bounds of) text thicknesses, {@link #CURVED} times the rectangle's: long enough that each slice holds a few characters (its band is measured
     * from them), short enough to follow the bend of a page photographed close up.
     */
    private static final double SLICE_LENGTH = 4.0;
    /**
     * The line is treated as curved when its kernel is locally at most this fraction of its rectangle's thickness:
     * a straight line's slices are as thick as its rectangle (up to the ragged tops of letters), a curved one's much
     * thinner.
     */
    private static final double CURVED = 0.7;
    /** ... and the slices' centres move across the line by at least this many line thicknesses. */
    private static final double BEND = 0.5;

    private CurvedLine() {
    }

    /** The slices of a curved kernel in detector pixels, grown like the line; empty for a straight line. */
    static List<Quad> slices(Point[] contour, RotatedRect kernel, double unclipRatio) {
        Quad axes = Quad.ofRotatedRect(kernel.center.x, kernel.center.y, 2, 2, kernel.angle);
        // Unit vectors along the reading direction (d) and down across it (n), as the line's quad has them.
        double dx = (axes.x1() - axes.x0()) / 2;
        double dy = (axes.y1() - axes.y0()) / 2;
        double nx = (axes.x3() - axes.x0()) / 2;
        double ny = (axes.y3() - axes.y0()) / 2;
        double[] u = new double[contour.length];
        double[] v = new double[contour.length];
        double uMin = Double.MAX_VALUE;
        double uMax = -Double.MAX_VALUE;
        double vMin = Double.MAX_VALUE;
        double vMax = -Double.MAX_VALUE;
        for (int i = 0; i < contour.length; i++) {
            double px = contour[i].x - kernel.center.x;
            double py = contour[i].y - kernel.center.y;
            u[i] = px * dx + py * dy;
            v[i] = px * nx + py * ny;
            uMin = Math.min(uMin, u[i]);
            uMax = Math.max(uMax, u[i]);
            vMin = Math.min(vMin, v[i]);
            vMax = Math.max(vMax, v[i]);
        }
        double length = uMax - uMin;
        double thickness = vMax - vMin;
        int count = (int) Math.floor(length / (SLICE_LENGTH * thickness * CURVED));
        if (thickness <= 0 || count < 2) {
            return List.of();
        }
        double step = length / count;
        double[] top = new double[count];
        double[] bottom = new double[count];
        Arrays.fill(top, Double.MAX_VALUE);
        Arrays.fill(bottom, -Double.MAX_VALUE);
        for (int i = 0; i < contour.length; i++) {
            int slice = Math.min(count - 1, (int) ((u[i] - uMin) / step));
            top[slice] = Math.min(top[slice], v[i]);
            bottom[slice] = Math.max(bottom[slice], v[i]);
        }
        double[] local = new double[count];
        for (int i = 0; i < count; i++) {
            if (top[i] > bottom[i]) {
                return List.of(); // a slice without contour points: not a single bent line
            }
            local[i] = bottom[i] - top[i];
        }
        double[] sorted = local.clone();
        Arrays.sort(sorted);
        double lineThickness = sorted[count / 2];
        double highest = Double.MAX_VALUE;
        double lowest = -Double.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            highest = Math.min(highest, (top[i] + bottom[i]) / 2);
            lowest = Math.max(lowest, (top[i] + bottom[i]) / 2);
        }
        // Curved: thin locally, and the slices' centres actually wander (a ragged straight line's do not).
        if (lineThickness > CURVED * thickness || lowest - highest < BEND * lineThickness) {
            return List.of();
        }
        // Grown like the line's rectangle (DB unclip: area * ratio / perimeter), with the line's own thickness.
        double offset = length * lineThickness * unclipRatio / (2 * (length + lineThickness));
        double half = lineThickness / 2 + offset;
        List<Quad> slices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double u0 = uMin + i * step - (i == 0 ? offset : 0);
            double u1 = uMin + (i + 1) * step + (i == count - 1 ? offset : 0);
            double mid = (top[i] + bottom[i]) / 2;
            slices.add(new Quad(
                    x(kernel, dx, nx, u0, mid - half), y(kernel, dy, ny, u0, mid - half),
                    x(kernel, dx, nx, u1, mid - half), y(kernel, dy, ny, u1, mid - half),
                    x(kernel, dx, nx, u1, mid + half), y(kernel, dy, ny, u1, mid + half),
                    x(kernel, dx, nx, u0, mid + half), y(kernel, dy, ny, u0, mid + half)));
        }
        return slices;
    }

    private static double x(RotatedRect k, double dx, double nx, double u, double v) {
        return k.center.x + dx * u + nx * v;
    }

    private static double y(RotatedRect k, double dy, double ny, double u, double v) {
        return k.center.y + dy * u + ny * v;
    }
}
