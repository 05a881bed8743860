package io.pero.ocr.engine;

import io.pero.ocr.detect.Quad;
import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.model.Word;
import io.pero.ocr.recognize.LineReading;
import io.pero.ocr.recognize.WordBuilder;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.RotatedRect;
import org.opencv.imgproc.Imgproc;

/**
 * Recognition of the lines of a layout from an earlier stage (a PAGE XML), as pero-ocr does for layout → OCR
 * chains: regions, lines, ids, outlines and order are kept; text, words and confidence are filled in.
 */
final class GivenLayout {
    private GivenLayout() {
    }

    static Page recognize(PagePipeline pipeline, org.opencv.core.Mat image, String imageName, Page layout) {
        List<TextLine> lines = new ArrayList<>();
        List<Quad> quads = new ArrayList<>();
        for (TextRegion region : layout.regions()) {
            for (TextLine line : region.lines()) {
                Quad quad = quadOf(line.polygon().points());
                lines.add(line);
                quads.add(quad == null ? new Quad(0, 0, 0, 0, 0, 0, 0, 0) : quad);
            }
        }
        List<LineReading> readings = pipeline.read(image, quads);
        List<TextRegion> regions = new ArrayList<>();
        int next = 0;
        for (TextRegion region : layout.regions()) {
            List<TextLine> filled = new ArrayList<>();
            for (TextLine line : region.lines()) {
                filled.add(fill(line, quads.get(next), readings.get(next)));
                next++;
            }
            regions.add(new TextRegion(region.id(), region.polygon(), filled));
        }
        return new Page(imageName, image.cols(), image.rows(), regions);
    }

    private static TextLine fill(TextLine line, Quad quad, LineReading reading) {
        List<Point> baseline = line.baseline().size() >= 2 ? line.baseline()
                : List.of(quad.at(0, PageAssembler.BASELINE_POSITION), quad.at(1, PageAssembler.BASELINE_POSITION));
        if (reading == null) {
            return new TextLine(line.id(), line.polygon(), baseline, "", 0, List.of());
        }
        List<Word> words = WordBuilder.words(reading, quad);
        return new TextLine(line.id(), line.polygon(), baseline, reading.text(), reading.confidence(), words);
    }

    /** The tightest rotated rectangle around a line outline, oriented for reading; null for fewer than 3 points. */
    static Quad quadOf(List<Point> points) {
        if (points.size() < 3) {
            return null;
        }
        org.opencv.core.Point[] cv = new org.opencv.core.Point[points.size()];
        for (int i = 0; i < cv.length; i++) {
            cv[i] = new org.opencv.core.Point(points.get(i).x(), points.get(i).y());
        }
        MatOfPoint2f mat = new MatOfPoint2f(cv);
        RotatedRect rect = Imgproc.minAreaRect(mat);
        mat.release();
        return Quad.ofRotatedRect(rect.center.x, rect.center.y, rect.size.width, rect.size.height, rect.angle);
    }
}
