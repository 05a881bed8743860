package io.pero.ocr.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Splits boxes that hold several text lines. Tightly set lines (a thermal ticket's digit grid, a stack of row
 * labels) can fuse into one detector blob, which then looks like a tall box or even a vertical text column. A box
 * much taller than the page's median line is cut where the probability profile across it falls into a valley
 * between two text rows; a single large line (a title) has no such valley and stays whole.
 */
final class LineSplitter {
    /** Boxes taller than this many median line heights are examined. */
    private static final double TALL = 1.6;
    /** A valley is a row whose mean probability is at most this fraction of the smaller neighbouring peak. */
    private static final double VALLEY = 0.5;
    /** Pieces shorter than this many median line heights are not split off. */
    private static final double MIN_PIECE = 0.45;

    private final double pixelThreshold;

    LineSplitter(double pixelThreshold) {
        this.pixelThreshold = pixelThreshold;
    }

    List<DetectedLine> split(List<DetectedLine> lines, Mat probabilities, double scaleX, double scaleY) {
        double median = MedianLineHeight.of(lines);
        if (median <= 0 || TextDirection.mostlyVertical(lines)) {
            // A page turned sideways: its upright boxes are lines, not stacks of lines (it is read once turned).
            return lines;
        }
        List<DetectedLine> out = new ArrayList<>(lines.size());
        for (DetectedLine line : lines) {
            // A curved line is tall because it bends, not because it holds several lines.
            if (line.curve().isEmpty() && line.quad().height() > TALL * median) {
                out.addAll(pieces(line, probabilities, scaleX, scaleY, median));
            } else {
                out.add(line);
            }
        }
        return out;
    }

    private List<DetectedLine> pieces(DetectedLine line, Mat probabilities, double scaleX, double scaleY,
                                      double median) {
        Quad q = line.quad().scaled(scaleX, scaleY);
        double[] profile = rowProfile(probabilities, q);
        List<Double> cuts = valleys(profile, MIN_PIECE * median * scaleY);
        if (cuts.isEmpty()) {
            return List.of(line);
        }
        List<DetectedLine> pieces = new ArrayList<>();
        double previous = 0;
        cuts.add(1.0);
        for (double cut : cuts) {
            pieces.add(new DetectedLine(line.quad().band(previous, cut), line.score()));
            previous = cut;
        }
        return pieces;
    }

    /** Mean probability of each row across the quad, rectified to an upright rectangle. */
    private double[] rowProfile(Mat probabilities, Quad q) {
        int w = Math.max(1, (int) Math.round(q.width()));
        int h = Math.max(2, (int) Math.round(q.height()));
        MatOfPoint2f from = new MatOfPoint2f(new Point(q.x0(), q.y0()), new Point(q.x1(), q.y1()),
                new Point(q.x2(), q.y2()), new Point(q.x3(), q.y3()));
        MatOfPoint2f to = new MatOfPoint2f(new Point(0, 0), new Point(w, 0), new Point(w, h), new Point(0, h));
        Mat transform = Imgproc.getPerspectiveTransform(from, to);
        Mat rectified = new Mat();
        Mat rows = new Mat();
        try {
            Imgproc.warpPerspective(probabilities, rectified, transform, new Size(w, h), Imgproc.INTER_LINEAR);
            Core.reduce(rectified, rows, 1, Core.REDUCE_AVG, CvType.CV_32F);
            float[] values = new float[h];
            rows.get(0, 0, values);
            double[] profile = new double[h];
            for (int i = 0; i < h; i++) {
                profile[i] = values[i];
            }
            return profile;
        } finally {
            from.release();
            to.release();
            transform.release();
            rectified.release();
            rows.release();
        }
    }

    /**
     * Cut positions (fractions of the height) at the deepest point of each valley that separates two text rows.
     * A valley counts when it sinks below {@link #VALLEY} of both neighbouring peaks, or below the pixel threshold.
     */
    List<Double> valleys(double[] profile, double minPiece) {
        List<Double> cuts = new ArrayList<>();
        int n = profile.length;
        int lastCut = 0;
        int i = 0;
        while (i < n) {
            int peakAbove = argMax(profile, lastCut, i + 1);
            // Walk down to the bottom of the next dip, then up to the next peak.
            int bottom = i;
            while (bottom + 1 < n && profile[bottom + 1] <= profile[bottom]) {
                bottom++;
            }
            int peakBelow = bottom;
            while (peakBelow + 1 < n && profile[peakBelow + 1] >= profile[peakBelow]) {
                peakBelow++;
            }
            if (peakBelow == bottom) {
                break;
            }
            double floor = profile[bottom];
            double smallerPeak = Math.min(profile[peakAbove], maxFrom(profile, bottom, n));
            boolean deep = floor <= VALLEY * smallerPeak || floor < pixelThreshold && smallerPeak > pixelThreshold;
            if (deep && bottom - lastCut >= minPiece && n - bottom >= minPiece) {
                cuts.add(bottom / (double) n);
                lastCut = bottom;
            }
            i = peakBelow;
        }
        return cuts;
    }

    private static int argMax(double[] values, int from, int to) {
        int best = from;
        for (int i = from; i < Math.min(to, values.length); i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double maxFrom(double[] values, int from, int to) {
        double best = 0;
        for (int i = from; i < to; i++) {
            best = Math.max(best, values[i]);
        }
        return best;
    }
}
