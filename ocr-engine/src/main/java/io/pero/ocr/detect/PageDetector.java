package io.pero.ocr.detect;

import io.pero.ocr.config.DetectionConfig;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds the text lines of a page at a resolution that suits its text: a first look at a fixed size measures the
 * median line height, and when it is far from the target the page is detected again at the scale that brings it
 * there. Works on 8-bit grey, BGR or BGRA images of any size: only the scaled copy is converted.
 */
public final class PageDetector {
    private final TextDetector detector;
    private final DetectionConfig config;
    private final BoxExtractor extractor;
    private final LineSplitter splitter;

    public PageDetector(TextDetector detector, DetectionConfig config) {
        this.detector = detector;
        this.config = config;
        this.extractor = new BoxExtractor(config.pixelThreshold(), config.boxThreshold(), config.unclipRatio());
        this.splitter = new LineSplitter(config.pixelThreshold());
    }

    /** What detection found, and at which detector scale. */
    public record Result(List<DetectedLine> lines, double scale, int passes) {
    }

    public Result detect(Mat image) {
        int w = image.cols();
        int h = image.rows();
        double scale = DetectorScale.firstLook(w, h, config.maxMegapixels());
        Pass first = run(image, scale);
        double median = MedianLineHeight.of(first.lines()) * scale;
        double refined = DetectorScale.refined(scale, median, config.targetLineHeight(), w, h, config.maxMegapixels());
        if (refined == scale) {
            return new Result(first.lines(), scale, 1);
        }
        Pass second = run(image, refined);
        return new Result(second.lines(), refined, 2);
    }

    private record Pass(List<DetectedLine> lines) {
    }

    private Pass run(Mat image, double scale) {
        DetectorScale.Size size = DetectorScale.sizeAt(scale, image.cols(), image.rows());
        Mat input = scaledBgr(image, size);
        Mat probabilities = detector.probabilityMap(input);
        try {
            double sx = size.scaleX(image.cols());
            double sy = size.scaleY(image.rows());
            List<DetectedLine> lines = extractor.extract(probabilities, sx, sy, image.cols(), image.rows());
            return new Pass(splitter.split(lines, probabilities, sx, sy));
        } finally {
            input.release();
            probabilities.release();
        }
    }

    static Mat scaledBgr(Mat image, DetectorScale.Size size) {
        Mat scaled = new Mat();
        boolean shrinking = size.width() < image.cols();
        Imgproc.resize(image, scaled, new Size(size.width(), size.height()), 0, 0,
                shrinking ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
        Mat bgr = toBgr(scaled);
        if (bgr != scaled) {
            scaled.release();
        }
        return bgr;
    }

    /** An 8-bit grey, BGR or BGRA image as BGR: the argument itself when it is BGR already, else a new Mat. */
    public static Mat toBgr(Mat image) {
        if (image.depth() != CvType.CV_8U) {
            throw new IllegalArgumentException("expected an 8-bit image, got " + CvType.typeToString(image.type()));
        }
        int code = switch (image.channels()) {
            case 1 -> Imgproc.COLOR_GRAY2BGR;
            case 3 -> -1;
            case 4 -> Imgproc.COLOR_BGRA2BGR;
            default -> throw new IllegalArgumentException("expected 1, 3 or 4 channels, got " + image.channels());
        };
        if (code < 0) {
            return image;
        }
        Mat bgr = new Mat();
        Imgproc.cvtColor(image, bgr, code);
        return bgr;
    }
}
