package io.pero.ocr.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;
import org.opencv.imgproc.Imgproc;

/** Slices that follow a bent line kernel; straight kernels, ragged or not, keep their rectangle. */
class CurvedLineTest {
    static {
        io.pero.ocr.engine.OpenCv.load();
    }

    private static final double THICKNESS = 20;
    private static final double UNCLIP = 1.8;

    @Test
    void aBentKernelIsCutIntoSlicesThatFollowIt() {
        // A 20 px line sagging by 30 px between its ends, as on a photographed curved page (lept_cat007's lines
        // give rectangles about twice as thick as their text).
        DoubleUnaryOperator centre = x -> 160 - 30 * Math.pow((x - 500) / 400.0, 2);
        Point[] contour = band(100, 900, centre, x -> THICKNESS);

        List<Quad> slices = CurvedLine.slices(contour, rect(contour), UNCLIP);

        assertTrue(slices.size() >= 2, "slices: " + slices.size());
        // The line's rectangle spans the whole sag (50 px of kernel, grown by the unclip offset) ...
        RotatedRect whole = rect(contour);
        double kernel = Math.min(whole.size.width, whole.size.height);
        double rectangle = kernel + 2 * (800 * kernel * UNCLIP / (2 * (800 + kernel)));
        for (Quad slice : slices) {
            // ... each slice only the text around its part of the curve.
            assertTrue(slice.height() < 0.7 * rectangle, "slice " + slice.height() + " vs rectangle " + rectangle);
            double x = slice.centerX();
            assertEquals(centre.applyAsDouble(x), slice.centerY(), THICKNESS / 2, "slice on the line at x=" + x);
        }
        for (int i = 1; i < slices.size(); i++) {
            assertTrue(slices.get(i).centerX() > slices.get(i - 1).centerX(), "left to right");
        }
    }

    @Test
    void aStraightKernelKeepsItsRectangle() {
        Point[] contour = band(100, 900, x -> 200, x -> THICKNESS);
        assertEquals(List.of(), CurvedLine.slices(contour, rect(contour), UNCLIP));
    }

    @Test
    void aStraightKernelWithRaggedTopsAndNecksKeepsItsRectangle() {
        // Ascenders here and there, thin necks between words: thickness varies, the centre line does not bend.
        Point[] contour = band(100, 900, x -> 200, x -> ((int) x / 60) % 3 == 0 ? THICKNESS * 0.5 : THICKNESS);
        assertEquals(List.of(), CurvedLine.slices(contour, rect(contour), UNCLIP));
    }

    @Test
    void aSlantedStraightKernelKeepsItsRectangle() {
        Point[] contour = band(100, 900, x -> 200 + 0.1 * x, x -> THICKNESS);
        assertEquals(List.of(), CurvedLine.slices(contour, rect(contour), UNCLIP));
    }

    /** The outline of a band: along the top from left to right, back along the bottom, one point per pixel. */
    private static Point[] band(int x0, int x1, DoubleUnaryOperator centre, DoubleUnaryOperator thickness) {
        List<Point> points = new ArrayList<>();
        for (int x = x0; x <= x1; x++) {
            points.add(new Point(x, centre.applyAsDouble(x) - thickness.applyAsDouble(x) / 2));
        }
        for (int x = x1; x >= x0; x--) {
            points.add(new Point(x, centre.applyAsDouble(x) + thickness.applyAsDouble(x) / 2));
        }
        return points.toArray(Point[]::new);
    }

    private static RotatedRect rect(Point[] contour) {
        MatOfPoint2f points = new MatOfPoint2f(contour);
        RotatedRect rect = Imgproc.minAreaRect(points);
        points.release();
        return rect;
    }
}
