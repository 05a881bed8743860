package io.pero.ocr.recognize;

import io.pero.ocr.detect.Quad;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Puts back the diaeresis the English recognizer cannot read: its alphabet has no ä ö ü, so it reads them as a o u.
 * For each such letter the restorer looks at the page itself, around the letter's time steps, at twice the
 * recognizer's resolution: two small marks side by side above the letter's body, of similar size and height, make it
 * ä ö ü (Ä Ö Ü). Anything else (one mark, specks of different sizes, marks touching the letter) leaves it as read, so
 * English text, which has no such marks, is not touched; and after {@value #PROBE_LINES} candidate lines without a single
 * diaeresis the rest of the page is not examined (the check costs about a tenth of the recognition time).
 */
public final class UmlautRestorer {
    private static final Map<String, String> UMLAUTS = Map.of("a", "\u00e4", "o", "\u00f6", "u", "\u00fc",
            "A", "\u00c4", "O", "\u00d6", "U", "\u00dc");
    private static final int HEIGHT = 64;
    /** A page whose first lines with a, o or u show no diaeresis is not German: the rest is not examined. */
    private static final int PROBE_LINES = 12;

    private final LineCropper cropper = new LineCropper(HEIGHT, 100_000, 1.0);

    /** Restores umlauts in a page's readings (parallel to {@code quads}), probing first, as described above. */
    public List<LineReading> restore(Mat image, List<Quad> quads, List<LineReading> readings) {
        List<LineReading> out = new ArrayList<>(readings);
        int probed = 0;
        boolean found = false;
        for (int i = 0; i < out.size(); i++) {
            LineReading reading = out.get(i);
            if (reading == null || reading.chars().stream().noneMatch(c -> UMLAUTS.containsKey(c.text()))) {
                continue;
            }
            if (!found && probed >= PROBE_LINES) {
                break;
            }
            LineReading restored = restore(image, quads.get(i), reading);
            found |= restored != reading;
            probed++;
            out.set(i, restored);
        }
        return out;
    }

    /** The reading with umlauts restored where the page shows them. */
    LineReading restore(Mat image, Quad quad, LineReading reading) {
        List<CharSpan> chars = reading.chars();
        if (chars.stream().noneMatch(c -> UMLAUTS.containsKey(c.text()))) {
            return reading;
        }
        Mat crop = cropper.crop(image, quad);
        if (crop == null) {
            return reading;
        }
        double[][] components = components(crop);
        int width = crop.cols();
        crop.release();
        if (components == null) {
            return reading;
        }
        List<CharSpan> restored = null;
        for (int i = 0; i < chars.size(); i++) {
            CharSpan c = chars.get(i);
            String umlaut = UMLAUTS.get(c.text());
            if (umlaut == null) {
                continue;
            }
            double centre = width * reading.stepToFraction((c.firstStep() + c.lastStep() + 1) / 2.0);
            if (twoDotsAboveBody(components, centre)) {
                if (restored == null) {
                    restored = new ArrayList<>(chars);
                }
                restored.set(i, new CharSpan(umlaut, c.firstStep(), c.lastStep(), c.probability()));
            }
        }
        return restored == null ? reading : reading.withChars(restored);
    }

    /** Ink components of the line as {left, top, width, height, area}; null for light text on dark ground. */
    private static double[][] components(Mat crop) {
        Mat grey = new Mat();
        Mat ink = new Mat();
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            Imgproc.cvtColor(crop, grey, Imgproc.COLOR_BGR2GRAY);
            Imgproc.threshold(grey, ink, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
            if (Core.countNonZero(ink) > 0.5 * ink.total()) {
                return null;
            }
            int n = Imgproc.connectedComponentsWithStats(ink, labels, stats, centroids, 8, CvType.CV_32S);
            double[][] out = new double[n - 1][];
            int[] row = new int[5];
            for (int i = 1; i < n; i++) {
                stats.get(i, 0, row);
                out[i - 1] = new double[] {row[0], row[1], row[2], row[3], row[4]};
            }
            return out;
        } finally {
            grey.release();
            ink.release();
            labels.release();
            stats.release();
            centroids.release();
        }
    }

    /**
     * Looks for the letter body nearest {@code centre} (a component at least a sixth of the crop high) and exactly two
     * similar marks above it, side by side.
     */
    static boolean twoDotsAboveBody(double[][] components, double centre) {
        double[] body = null;
        double bestDistance = 0.25 * HEIGHT;
        for (double[] c : components) {
            double distance = Math.abs(c[0] + c[2] / 2 - centre);
            if (c[3] >= HEIGHT / 6.0 && distance < bestDistance) {
                body = c;
                bestDistance = distance;
            }
        }
        if (body == null) {
            return false;
        }
        List<double[]> dots = new ArrayList<>();
        for (double[] c : components) {
            double cx = c[0] + c[2] / 2;
            boolean small = c[4] >= 4 && c[4] <= 0.25 * body[4] && c[3] <= 0.45 * body[3] && c[2] <= 0.6 * body[2];
            boolean above = c[1] + c[3] <= body[1] + 1 && body[1] - (c[1] + c[3]) <= 0.5 * body[3];
            boolean over = cx >= body[0] - 0.15 * body[2] && cx <= body[0] + 1.15 * body[2];
            if (c != body && small && above && over) {
                dots.add(new double[] {cx, c[1] + c[3] / 2, c[4], c[2]});
            }
        }
        if (dots.size() != 2) {
            return false;
        }
        double[] a = dots.get(0);
        double[] b = dots.get(1);
        double gap = Math.abs(a[0] - b[0]);
        boolean sameHeight = Math.abs(a[1] - b[1]) <= 0.15 * body[3];
        boolean similar = Math.max(a[2], b[2]) <= 2.5 * Math.min(a[2], b[2]);
        boolean apart = gap >= 0.25 * body[2] && gap >= (a[3] + b[3]) / 2;
        return sameHeight && similar && apart;
    }
}
