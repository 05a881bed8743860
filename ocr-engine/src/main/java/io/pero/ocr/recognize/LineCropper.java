package io.pero.ocr.recognize;

import io.pero.ocr.detect.PageDetector;
import io.pero.ocr.detect.Quad;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Cuts a line out of the page along its quad (rotated or perspective-distorted lines come out straight) and scales
 * it to the recognizer's input height (and narrows it by the configured width scale). Shrinking goes through the line's natural size first, so downsampling is
 * area-averaged rather than aliased; only the line's bounding box of the page is touched.
 */
public final class LineCropper {
    /** Largest line straightened at its natural size. */
    private static final double MAX_NATURAL_PIXELS = 4e6;

    private final int height;
    private final int maxWidth;
    private final double widthScale;
    private final double trim;

    /**
     * @param widthScale horizontal scale on top of the height normalisation: recognition time is proportional to the
     *                   crop width, and the recognizers read narrowed text as well down to about 0.75
     */
    public LineCropper(int height, int maxWidth, double widthScale) {
        this(height, maxWidth, widthScale, 0);
    }

    /**
     * @param trim fraction of the line's height cut off at its top and at its bottom
     */
    public LineCropper(int height, int maxWidth, double widthScale, double trim) {
        this.height = height;
        this.maxWidth = maxWidth;
        this.widthScale = widthScale;
        this.trim = trim;
    }

    /**
     * A line that follows {@code curve} (slices along a curved line, see {@code detect.CurvedLine}): the slices are
     * cut out and set side by side, which straightens the line; a line without slices is cut along its quad.
     */
    public Mat crop(Mat image, Quad quad, java.util.List<Quad> curve) {
        if (curve.isEmpty()) {
            return crop(image, quad);
        }
        java.util.List<Mat> pieces = new java.util.ArrayList<>();
        for (Quad slice : curve) {
            Mat piece = crop(image, slice);
            if (piece != null) {
                pieces.add(piece);
            }
        }
        if (pieces.isEmpty()) {
            return crop(image, quad);
        }
        Mat joined = new Mat();
        org.opencv.core.Core.hconcat(pieces, joined);
        pieces.forEach(Mat::release);
        if (joined.cols() > maxWidth) {
            Mat squeezed = new Mat();
            Imgproc.resize(joined, squeezed, new Size(maxWidth, height), 0, 0, Imgproc.INTER_AREA);
            joined.release();
            joined = squeezed;
        }
        return joined;
    }

    /** The BGR crop, {@code height} rows high; null when the quad is degenerate. */
    public Mat crop(Mat image, Quad quad) {
        if (trim > 0) {
            quad = quad.band(trim, 1 - trim);
        }
        double w = quad.width();
        double h = quad.height();
        if (w < 2 || h < 2) {
            return null;
        }
        int targetWidth = (int) Math.max(8, Math.min(maxWidth, Math.round(w * height / h * widthScale)));
        Rect roi = bounds(image, quad);
        if (roi.width < 2 || roi.height < 2) {
            return null;
        }
        Mat region = image.submat(roi);
        Quad local = quad.translated(-roi.x, -roi.y);
        if (w * h > MAX_NATURAL_PIXELS) {
            // A giant "line" (a box over a whole 20000-pixel page) is shrunk before straightening, bounding memory.
            double s = Math.sqrt(MAX_NATURAL_PIXELS / (w * h));
            Mat small = new Mat();
            Imgproc.resize(region, small, new Size(Math.max(1, roi.width * s), Math.max(1, roi.height * s)), 0, 0,
                    Imgproc.INTER_AREA);
            region.release();
            region = small;
            local = local.scaled(small.cols() / (double) roi.width, small.rows() / (double) roi.height);
            w = local.width();
            h = local.height();
        }
        boolean shrink = h > height;
        int warpWidth = shrink ? (int) Math.max(2, Math.round(w)) : targetWidth;
        int warpHeight = shrink ? (int) Math.max(2, Math.round(h)) : height;
        Mat straight = warp(region, local, warpWidth, warpHeight);
        region.release();
        if (shrink) {
            Mat small = new Mat();
            Imgproc.resize(straight, small, new Size(targetWidth, height), 0, 0, Imgproc.INTER_AREA);
            straight.release();
            straight = small;
        }
        Mat bgr = PageDetector.toBgr(straight);
        if (bgr != straight) {
            straight.release();
        }
        return bgr;
    }

    private static Mat warp(Mat region, Quad q, int width, int height) {
        MatOfPoint2f from = new MatOfPoint2f(new Point(q.x0(), q.y0()), new Point(q.x1(), q.y1()),
                new Point(q.x2(), q.y2()), new Point(q.x3(), q.y3()));
        MatOfPoint2f to = new MatOfPoint2f(new Point(0, 0), new Point(width, 0), new Point(width, height),
                new Point(0, height));
        Mat transform = Imgproc.getPerspectiveTransform(from, to);
        Mat out = new Mat();
        Imgproc.warpPerspective(region, out, transform, new Size(width, height), Imgproc.INTER_LINEAR,
                org.opencv.core.Core.BORDER_REPLICATE);
        from.release();
        to.release();
        transform.release();
        return out;
    }

    private static Rect bounds(Mat image, Quad q) {
        int x0 = (int) Math.max(0, Math.floor(q.minX()) - 1);
        int y0 = (int) Math.max(0, Math.floor(q.minY()) - 1);
        int x1 = (int) Math.min(image.cols(), Math.ceil(q.maxX()) + 2);
        int y1 = (int) Math.min(image.rows(), Math.ceil(q.maxY()) + 2);
        return new Rect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
