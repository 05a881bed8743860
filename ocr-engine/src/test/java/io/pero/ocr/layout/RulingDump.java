package io.pero.ocr.layout;

import io.pero.ocr.detect.RulingDetector;
import io.pero.ocr.engine.OpenCv;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/** Development aid: prints the rules and frames found on an image. Not a test. */
public final class RulingDump {
    public static void main(String[] args) {
        OpenCv.load();
        Mat image = Imgcodecs.imread(args[0]);
        double lh = Double.parseDouble(args[1]);
        try (RulingDetector.Found found = RulingDetector.find(image, lh)) {
            for (Ruling r : found.rulings()) {
                System.out.printf("%s %.0f,%.0f - %.0f,%.0f len %.0f%n", r.vertical() ? "V" : "H", r.x0(), r.y0(), r.x1(), r.y1(), r.length());
            }
            Rules rules = Rules.of(found.rulings(), lh);
            for (Rules.Frame f : rules.frames()) {
                System.out.println("FRAME " + f);
            }
        }
    }
}
