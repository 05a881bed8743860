package io.pero.ocr.detect;

import io.pero.ocr.layout.Ruling;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds printed rules (column rules, table and box borders) as long thin runs of ink, by morphological opening of
 * the binarised page with a line-shaped kernel (the classic ruling-line detection of Leptonica and Tesseract). All
 * sizes are in units of the page's median text-line height, so the same rules are found at any resolution.
 */
public final class RulingDetector {
    /**
     * A rule is at least this many line heights long: the tallest letter strokes are one line height, a column rule
     * or box border runs along several lines.
     */
    static final double MIN_LENGTH = 3;
    /**
     * A rule is at most this many line heights thick: a letter stroke of body text is about a tenth of a line height,
     * a printed rule rarely thicker; bars of a chart or photo edges are much thicker.
     */
    static final double MAX_THICKNESS = 0.35;
    /**
     * Pages larger than this are searched for rules at a reduced size, bounding time and memory (a 20000-pixel scan);
     * their rules are then not erased before recognition.
     */
    static final double MAX_MEGAPIXELS = 8;
    /** Ink darker than the local mean by this many grey levels: faint show-through is not ink. */
    private static final double INK_CONTRAST = 12;

    private RulingDetector() {
    }

    /** The rules found in the image and the mask of their pixels; release it with {@link Found#close()}. */
    public static final class Found implements AutoCloseable {
        private final List<Ruling> rulings;
        private final Mat mask;

        Found(List<Ruling> rulings, Mat mask) {
            this.rulings = rulings;
            this.mask = mask;
        }

        public List<Ruling> rulings() {
            return rulings;
        }

        /**
         * A copy of the image with the rules painted over in white (the image itself when there are none, or when the
         * page was searched at a reduced size): a table rule touching a number or a column rule beside a line is read
         * as "|", "I" or "1" otherwise.
         */
        public Mat erasedFrom(Mat image) {
            if (rulings.isEmpty() || mask == null) {
                return image;
            }
            Mat copy = image.clone();
            Scalar white = new Scalar(255, 255, 255, 255);
            copy.setTo(white, mask);
            return copy;
        }

        @Override
        public void close() {
            if (mask != null) {
                mask.release();
            }
        }
    }

    public static Found find(Mat image, double lineHeight) {
        if (lineHeight <= 0 || image.empty()) {
            return new Found(List.of(), new Mat());
        }
        double megapixels = image.cols() * (double) image.rows() / 1e6;
        if (megapixels > MAX_MEGAPIXELS) {
            double s = Math.sqrt(MAX_MEGAPIXELS / megapixels);
            Mat small = new Mat();
            Imgproc.resize(image, small, new Size(Math.max(1, image.cols() * s), Math.max(1, image.rows() * s)), 0, 0,
                    Imgproc.INTER_AREA);
            List<Ruling> scaled = new ArrayList<>();
            try (Found found = find(small, lineHeight * s)) {
                for (Ruling r : found.rulings()) {
                    scaled.add(new Ruling(r.x0() / s, r.y0() / s, r.x1() / s, r.y1() / s));
                }
            } finally {
                small.release();
            }
            return new Found(List.copyOf(scaled), null);
        }
        Mat gray = new Mat();
        switch (image.channels()) {
            case 1 -> image.copyTo(gray);
            case 4 -> Imgproc.cvtColor(image, gray, Imgproc.COLOR_BGRA2GRAY);
            default -> Imgproc.cvtColor(image, gray, Imgproc.COLOR_BGR2GRAY);
        }
        int block = Math.max(15, (int) Math.round(2 * lineHeight) | 1);
        Mat ink = new Mat();
        Imgproc.adaptiveThreshold(gray, ink, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY_INV, block,
                INK_CONTRAST);
        gray.release();
        int length = Math.max(10, (int) Math.round(MIN_LENGTH * lineHeight));
        double maxThickness = Math.max(2, MAX_THICKNESS * lineHeight);
        List<Ruling> rulings = new ArrayList<>();
        Mat mask = Mat.zeros(ink.size(), ink.type());
        collect(ink, new Size(1, length), true, maxThickness, rulings, mask);
        collect(ink, new Size(length, 1), false, maxThickness, rulings, mask);
        ink.release();
        Mat grown = new Mat();
        // A pixel more on each side takes the rule's anti-aliased edge with it.
        Imgproc.dilate(mask, grown, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
        mask.release();
        return new Found(List.copyOf(rulings), grown);
    }

    private static void collect(Mat ink, Size kernelSize, boolean vertical, double maxThickness, List<Ruling> out,
                                Mat mask) {
        Mat opened = new Mat();
        Imgproc.morphologyEx(ink, opened, Imgproc.MORPH_OPEN,
                Imgproc.getStructuringElement(Imgproc.MORPH_RECT, kernelSize));
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int n = Imgproc.connectedComponentsWithStats(opened, labels, stats, centroids, 8);
        Mat kept = Mat.zeros(opened.size(), opened.type());
        for (int i = 1; i < n; i++) {
            int x = (int) stats.get(i, Imgproc.CC_STAT_LEFT)[0];
            int y = (int) stats.get(i, Imgproc.CC_STAT_TOP)[0];
            int w = (int) stats.get(i, Imgproc.CC_STAT_WIDTH)[0];
            int h = (int) stats.get(i, Imgproc.CC_STAT_HEIGHT)[0];
            int area = (int) stats.get(i, Imgproc.CC_STAT_AREA)[0];
            int along = vertical ? h : w;
            // Mean thickness, so that a slightly skewed rule (wide box, thin ink) still counts.
            double thickness = area / (double) along;
            if (thickness > maxThickness) {
                continue;
            }
            if (vertical) {
                double cx = x + w / 2.0;
                out.add(new Ruling(cx, y, cx, y + h - 1));
            } else {
                double cy = y + h / 2.0;
                out.add(new Ruling(x, cy, x + w - 1, cy));
            }
            org.opencv.core.Rect box = new org.opencv.core.Rect(x, y, w, h);
            Mat labelsInBox = labels.submat(box);
            Mat keptInBox = kept.submat(box);
            Mat component = new Mat();
            Core.compare(labelsInBox, new Scalar(i), component, Core.CMP_EQ);
            keptInBox.setTo(new Scalar(255), component);
            component.release();
            labelsInBox.release();
            keptInBox.release();
        }
        Core.bitwise_or(mask, kept, mask);
        kept.release();
        opened.release();
        labels.release();
        stats.release();
        centroids.release();
    }
}
