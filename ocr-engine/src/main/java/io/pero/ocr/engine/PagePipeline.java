package io.pero.ocr.engine;

import io.pero.ocr.detect.DetectedLine;
import io.pero.ocr.detect.PageDetector;
import io.pero.ocr.detect.Quad;
import io.pero.ocr.detect.RulingDetector;
import io.pero.ocr.layout.LayoutAnalyzer;
import io.pero.ocr.layout.Ruling;
import io.pero.ocr.layout.TextBlock;
import io.pero.ocr.model.Page;
import io.pero.ocr.recognize.LineCropper;
import io.pero.ocr.recognize.TextRecognizer;
import io.pero.ocr.recognize.UmlautRestorer;
import io.pero.ocr.recognize.LineReading;
import io.pero.ocr.recognize.Rereader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;

/**
 * The full pipeline for one page: detect → crop → recognise → read unsure lines again → restore umlauts → drop unsure
 * lines → layout → page.
 */
final class PagePipeline {
    private final PageDetector detector;
    private final LineCropper cropper;
    private final TextRecognizer reader;
    private final LayoutAnalyzer layout;
    private final double minConfidence;
    private final UmlautRestorer umlauts;
    private final OrientationEstimator orientation;
    private final Rereader rereader;

    /** @param umlauts null when the recognizer reads umlauts itself or restoring is off */
    PagePipeline(PageDetector detector, LineCropper cropper, TextRecognizer reader, Rereader rereader,
                 UmlautRestorer umlauts, LayoutAnalyzer layout, double minConfidence) {
        this.rereader = rereader;
        this.umlauts = umlauts;
        this.detector = detector;
        this.cropper = cropper;
        this.reader = reader;
        this.layout = layout;
        this.minConfidence = minConfidence;
        this.orientation = new OrientationEstimator(cropper, reader);
    }

    Recognition run(Mat image, String imageName) {
        return run(image, imageName, true);
    }

    private Recognition run(Mat image, String imageName, boolean mayTurn) {
        long t0 = System.nanoTime();
        PageDetector.Result detection = detector.detect(image);
        List<RecognizedFragment> fragments = null;
        List<Ruling> rulings;
        PageTurn turn;
        long t1 = t0;
        // Rules are painted out before the orientation estimate, so that the lines it reads are the crops recognition
        // reads and their readings can be reused.
        try (RulingDetector.Found rules = RulingDetector.find(image, lineHeight(detection.lines()))) {
            rulings = rules.rulings();
            Mat clean = rules.erasedFrom(image);
            try {
                OrientationEstimator.Estimate estimate = mayTurn ? orientation.estimate(clean, detection.lines())
                        : OrientationEstimator.Estimate.UPRIGHT;
                turn = estimate.turn();
                if (turn == PageTurn.NONE) {
                    t1 = System.nanoTime();
                    fragments = recognize(clean, detection.lines(), estimate.readAsIs());
                }
            } finally {
                if (clean != image) {
                    clean.release();
                }
            }
        }
        if (turn != PageTurn.NONE) {
            return turned(image, imageName, turn);
        }
        fragments = GutterSplit.apply(fragments, layout);
        long t2 = System.nanoTime();
        List<Quad> quads = fragments.stream().map(RecognizedFragment::quad).toList();
        List<TextBlock> blocks = layout.analyze(quads, rulings, image.cols());
        Page page = PageAssembler.assemble(imageName, image.cols(), image.rows(), fragments, blocks);
        long t3 = System.nanoTime();
        return new Recognition(page, new StepTimings(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), fragments.size(),
                detection.passes()));
    }

    /** A page turned by 90, 180 or 270 degrees is read upright and its coordinates turned back. */
    private Recognition turned(Mat image, String imageName, PageTurn turn) {
        Mat upright = turn.apply(image);
        try {
            Recognition r = run(upright, imageName, false);
            return new Recognition(turn.back(r.page(), image.cols(), image.rows()), r.timings());
        } finally {
            upright.release();
        }
    }

    /**
     * Recognised fragments, without empty and unsure ones.
     *
     * @param known lines already read from the same image (by the orientation estimate), which are not read again:
     *              the same crop reads the same
     */
    private List<RecognizedFragment> recognize(Mat image, List<DetectedLine> lines,
                                               Map<DetectedLine, LineReading> known) {
        List<RecognizedFragment> kept = new ArrayList<>();
        List<DetectedLine> cropped = new ArrayList<>();
        List<Mat> crops = new ArrayList<>();
        List<LineReading> readings = new ArrayList<>();
        List<Integer> toRead = new ArrayList<>();
        for (DetectedLine line : lines) {
            LineReading reading = known.get(line);
            Mat crop = reading != null ? null : cropper.crop(image, line.quad(), line.curve());
            if (reading != null || crop != null) {
                cropped.add(line);
                readings.add(reading);
            }
            if (crop != null) {
                toRead.add(readings.size() - 1);
                crops.add(crop);
            }
        }
        List<LineReading> read = reader.read(crops);
        crops.forEach(Mat::release);
        for (int i = 0; i < toRead.size(); i++) {
            readings.set(toRead.get(i), read.get(i));
        }
        readings = rereader.reread(image, cropped, readings);
        List<Quad> quads = cropped.stream().map(DetectedLine::quad).toList();
        if (umlauts != null) {
            readings = umlauts.restore(image, quads, readings);
        }
        for (int i = 0; i < readings.size(); i++) {
            LineReading reading = readings.get(i);
            if (!reading.text().isEmpty() && reading.confidence() >= minConfidence) {
                kept.add(new RecognizedFragment(quads.get(i), reading));
            }
        }
        return kept;
    }

    List<LineReading> read(Mat image, List<Quad> quads) {
        List<Mat> crops = new ArrayList<>();
        List<Integer> cropped = new ArrayList<>();
        for (int i = 0; i < quads.size(); i++) {
            Mat crop = cropper.crop(image, quads.get(i));
            if (crop != null) {
                crops.add(crop);
                cropped.add(i);
            }
        }
        List<LineReading> readings = reader.read(crops);
        crops.forEach(Mat::release);
        List<LineReading> all = new ArrayList<>(java.util.Collections.nCopies(quads.size(), (LineReading) null));
        for (int i = 0; i < cropped.size(); i++) {
            all.set(cropped.get(i), readings.get(i));
        }
        return umlauts == null ? all : umlauts.restore(image, quads, all);
    }

    /** The median height of the detected lines, in image pixels: the yardstick for telling rules from letters. */
    private static double lineHeight(List<DetectedLine> lines) {
        double[] heights = lines.stream().mapToDouble(l -> Math.min(l.quad().width(), l.quad().height())).sorted()
                .toArray();
        return heights.length == 0 ? 0 : heights[heights.length / 2];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
