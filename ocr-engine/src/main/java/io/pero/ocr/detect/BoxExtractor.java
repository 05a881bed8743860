package io.pero.ocr.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Rect;
import org.opencv.core.RotatedRect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * DB post-processing: probability map → line outlines. Each connected text kernel is scored by the mean probability
 * inside its own contour (a bounding-rectangle score undercounts skewed lines and drops them), then grown back by
 * the unclip offset {@code area * ratio / perimeter} to the full line.
 */
final class BoxExtractor {
    private static final double MIN_KERNEL_SIDE = 2;
    private static final double MIN_LINE_SIDE = 5;

    private final double pixelThreshold;
    private final double boxThreshold;
    private final double unclipRatio;

    BoxExtractor(double pixelThreshold, double boxThreshold, double unclipRatio) {
        this.pixelThreshold = pixelThreshold;
        this.boxThreshold = boxThreshold;
        this.unclipRatio = unclipRatio;
    }

    /** Lines in image pixels; {@code scaleX, scaleY} map image to detector pixels. */
    List<DetectedLine> extract(Mat probabilities, double scaleX, double scaleY, int imageWidth, int imageHeight) {
        Mat binary = new Mat();
        Mat hierarchy = new Mat();
        List<MatOfPoint> contours = new ArrayList<>();
        try {
            Imgproc.threshold(probabilities, binary, pixelThreshold, 255, Imgproc.THRESH_BINARY);
            binary.convertTo(binary, CvType.CV_8U);
            // Every contour point (not only corners): a curved line's slices are measured from the points in each slice.
            Imgproc.findContours(binary, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
            List<DetectedLine> lines = new ArrayList<>();
            for (MatOfPoint contour : contours) {
                DetectedLine line = lineOf(probabilities, contour, scaleX, scaleY, imageWidth, imageHeight);
                if (line != null) {
                    lines.add(line);
                }
                contour.release();
            }
            return lines;
        } finally {
            binary.release();
            hierarchy.release();
        }
    }

    private DetectedLine lineOf(Mat probabilities, MatOfPoint contour, double scaleX, double scaleY, int imageWidth,
                                int imageHeight) {
        if (contour.rows() < 3) {
            return null;
        }
        org.opencv.core.Point[] contourPoints = contour.toArray();
        MatOfPoint2f points = new MatOfPoint2f(contourPoints);
        RotatedRect kernel = Imgproc.minAreaRect(points);
        points.release();
        if (Math.min(kernel.size.width, kernel.size.height) < MIN_KERNEL_SIDE) {
            return null;
        }
        double score = contourScore(probabilities, contour);
        if (score < boxThreshold) {
            return null;
        }
        double w = kernel.size.width;
        double h = kernel.size.height;
        double offset = w * h * unclipRatio / (2 * (w + h));
        double grownW = w + 2 * offset;
        double grownH = h + 2 * offset;
        if (Math.min(grownW, grownH) < MIN_LINE_SIDE) {
            return null;
        }
        Quad quad = Quad.ofRotatedRect(kernel.center.x, kernel.center.y, grownW, grownH, kernel.angle)
                .scaled(1 / scaleX, 1 / scaleY)
                .clippedTo(imageWidth, imageHeight);
        List<Quad> curve = CurvedLine.slices(contourPoints, kernel, unclipRatio).stream()
                .map(q -> q.scaled(1 / scaleX, 1 / scaleY).clippedTo(imageWidth, imageHeight))
                .toList();
        return new DetectedLine(quad, score, curve);
    }

    /** Mean probability inside the contour (not its bounding box). */
    static double contourScore(Mat probabilities, MatOfPoint contour) {
        Rect bounds = Imgproc.boundingRect(contour);
        int x0 = Math.max(0, bounds.x);
        int y0 = Math.max(0, bounds.y);
        int x1 = Math.min(probabilities.cols(), bounds.x + bounds.width);
        int y1 = Math.min(probabilities.rows(), bounds.y + bounds.height);
        if (x1 <= x0 || y1 <= y0) {
            return 0;
        }
        Rect box = new Rect(x0, y0, x1 - x0, y1 - y0);
        Mat mask = Mat.zeros(box.height, box.width, CvType.CV_8U);
        Mat roi = probabilities.submat(box);
        try {
            List<MatOfPoint> shifted = List.of(contour);
            Imgproc.fillPoly(mask, shifted, new Scalar(1), Imgproc.LINE_8, 0, new org.opencv.core.Point(-box.x, -box.y));
            return Core.mean(roi, mask).val[0];
        } finally {
            mask.release();
            roi.release();
        }
    }
}
