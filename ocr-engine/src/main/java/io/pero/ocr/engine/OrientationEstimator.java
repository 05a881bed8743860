package io.pero.ocr.engine;

import io.pero.ocr.detect.DetectedLine;
import io.pero.ocr.detect.Quad;
import io.pero.ocr.detect.TextDirection;
import io.pero.ocr.recognize.LineCropper;
import io.pero.ocr.recognize.LineReading;
import io.pero.ocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the quarter-turn that makes a page upright (0, 90, 180 or 270 degrees) from its detected lines: the detector
 * finds lines whatever their direction, so the elongated boxes tell horizontal from vertical text, and reading the
 * longest of them in both remaining directions tells which way up the text is: the recognizer is confident on upright
 * text and unsure on text upside down. No new model: the sample is cut along each box, so the page itself is turned
 * only when it is not upright. It reads from the page as recognition will (printed rules painted out), so that the
 * lines it read as they lie need not be read again.
 */
final class OrientationEstimator {
    private static final Logger log = LoggerFactory.getLogger(OrientationEstimator.class);

    /**
     * Lines read per direction. The longest lines are used; five carry a few hundred characters on a text page, enough
     * for the mean confidence to separate the directions, at the cost of five extra line readings per upright page.
     */
    static final int SAMPLE_LINES = 5;
    /**
     * Mean character confidence on the upright sample above which the page is taken as upright without reading it the
     * other way: upright print reads above 0.9 with these recognizers, upside-down or sideways text well below.
     */
    static final double UPRIGHT_CONFIDENCE = 0.9;
    /**
     * How much more confident the turned reading must be before a page is turned: a page is only turned on clear
     * evidence, since a wrong turn loses everything on it.
     */
    static final double TURN_MARGIN = 0.1;

    private final LineCropper cropper;
    private final TextRecognizer reader;

    OrientationEstimator(LineCropper cropper, TextRecognizer reader) {
        this.cropper = cropper;
        this.reader = reader;
    }

    /**
     * The turn that makes the page upright, and the lines the estimate read as they lie. Those readings are what
     * recognising the page would read from the same crops, so a page that is not turned reuses them instead of reading
     * its longest lines twice.
     *
     * @param readAsIs readings of straight lines (no curve: a curved line is recognised along its slices, not its
     *                 quad) cut out as they lie, by line
     */
    record Estimate(PageTurn turn, Map<DetectedLine, LineReading> readAsIs) {
        static final Estimate UPRIGHT = new Estimate(PageTurn.NONE, Map.of());
    }

    /** The turn that makes the page upright. */
    Estimate estimate(Mat image, List<DetectedLine> lines) {
        List<DetectedLine> across = new ArrayList<>();
        List<DetectedLine> upright = new ArrayList<>();
        for (DetectedLine line : lines) {
            Quad q = line.quad();
            if (q.width() >= TextDirection.ELONGATION * q.height()) {
                across.add(line);
            } else if (q.height() >= TextDirection.ELONGATION * q.width()) {
                upright.add(line);
            }
        }
        Map<DetectedLine, LineReading> readAsIs = new HashMap<>();
        if (TextDirection.mostlyVertical(lines)) {
            List<Quad> sample = quads(longest(upright, Quad::height));
            // Read downwards: the text was turned clockwise, so the page is turned back counter-clockwise.
            double down = confidence(image, sample, OrientationEstimator::readingDownwards);
            double up = confidence(image, sample, OrientationEstimator::readingUpwards);
            // Upright boxes can also be fused stacks of short lines on an upright page (a ticket's digit grid): the
            // page is only turned when its upright boxes read better as text than its lying boxes do as they are.
            double asIs = across.isEmpty() ? 0 : readAsIs(image, longest(across, Quad::width), readAsIs);
            PageTurn turn = Math.max(down, up) <= asIs + TURN_MARGIN ? PageTurn.NONE
                    : down >= up ? PageTurn.COUNTERCLOCKWISE : PageTurn.CLOCKWISE;
            log.debug("page orientation: upright boxes, confidence reading down {} up {}, lying boxes {} -> turn {}",
                    down, up, asIs, turn);
            return new Estimate(turn, readAsIs);
        }
        if (across.isEmpty()) {
            return Estimate.UPRIGHT;
        }
        List<DetectedLine> sample = longest(across, Quad::width);
        double asIs = readAsIs(image, sample, readAsIs);
        if (asIs >= UPRIGHT_CONFIDENCE) {
            return new Estimate(PageTurn.NONE, readAsIs);
        }
        double turned = confidence(image, quads(sample), OrientationEstimator::upsideDown);
        PageTurn turn = turned > asIs + TURN_MARGIN ? PageTurn.HALF : PageTurn.NONE;
        log.debug("page orientation: horizontal lines, confidence as is {} upside down {} -> turn {}", asIs, turned,
                turn);
        return new Estimate(turn, readAsIs);
    }

    private static List<DetectedLine> longest(List<DetectedLine> lines, ToDoubleFunction<Quad> length) {
        return lines.stream().sorted(Comparator.comparingDouble((DetectedLine l) -> length.applyAsDouble(l.quad()))
                .reversed()).limit(SAMPLE_LINES).toList();
    }

    private static List<Quad> quads(List<DetectedLine> lines) {
        return lines.stream().map(DetectedLine::quad).toList();
    }

    /** Mean character confidence of the lines read as they lie; the straight lines' readings go into {@code into}. */
    private double readAsIs(Mat image, List<DetectedLine> sample, Map<DetectedLine, LineReading> into) {
        List<Mat> crops = new ArrayList<>();
        List<DetectedLine> cropped = new ArrayList<>();
        for (DetectedLine line : sample) {
            Mat crop = cropper.crop(image, line.quad());
            if (crop != null) {
                crops.add(crop);
                cropped.add(line);
            }
        }
        List<LineReading> readings = reader.read(crops);
        crops.forEach(Mat::release);
        for (int i = 0; i < cropped.size(); i++) {
            if (cropped.get(i).curve().isEmpty()) {
                into.put(cropped.get(i), readings.get(i));
            }
        }
        return meanConfidence(readings);
    }

    /** Mean character confidence over the sample, each line's quad re-cornered to read it in one direction. */
    private double confidence(Mat image, List<Quad> sample, UnaryOperator<Quad> direction) {
        List<Mat> crops = new ArrayList<>();
        for (Quad q : sample) {
            Mat crop = cropper.crop(image, direction.apply(q));
            if (crop != null) {
                crops.add(crop);
            }
        }
        List<LineReading> readings = reader.read(crops);
        crops.forEach(Mat::release);
        return meanConfidence(readings);
    }

    private static double meanConfidence(List<LineReading> readings) {
        double sum = 0;
        int chars = 0;
        for (LineReading reading : readings) {
            sum += reading.confidence() * reading.chars().size();
            chars += reading.chars().size();
        }
        return chars == 0 ? 0 : sum / chars;
    }

    /** The same box read the other way: top-left becomes bottom-right. */
    static Quad upsideDown(Quad q) {
        return new Quad(q.x2(), q.y2(), q.x3(), q.y3(), q.x0(), q.y0(), q.x1(), q.y1());
    }

    /** A vertical box (its quad's reading side is the short, horizontal one) read from top to bottom. */
    static Quad readingDownwards(Quad q) {
        return new Quad(q.x1(), q.y1(), q.x2(), q.y2(), q.x3(), q.y3(), q.x0(), q.y0());
    }

    /** A vertical box read from bottom to top. */
    static Quad readingUpwards(Quad q) {
        return new Quad(q.x3(), q.y3(), q.x0(), q.y0(), q.x1(), q.y1(), q.x2(), q.y2());
    }
}
