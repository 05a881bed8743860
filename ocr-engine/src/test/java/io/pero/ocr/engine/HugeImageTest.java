package io.pero.ocr.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.model.Page;
import io.pero.ocr.model.TextLine;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * A 20000×20000 page (400 megapixels, the default limit) is read with bounded memory: the detector sees a copy
 * capped at 16 megapixels and processed in tiles, recognition touches only each line's box.
 */
class HugeImageTest {
    @Test
    void a20000By20000PageIsReadWithBoundedMemory() {
        OpenCv.load();
        Mat page = new Mat(20000, 20000, CvType.CV_8UC1, new Scalar(255));
        Imgproc.putText(page, "HUGE PAGE 2026", new Point(2000, 9000), Imgproc.FONT_HERSHEY_SIMPLEX, 40,
                new Scalar(0), 90);
        Imgproc.putText(page, "second line here", new Point(2000, 13000), Imgproc.FONT_HERSHEY_SIMPLEX, 30,
                new Scalar(0), 70);
        long before = residentMiB();
        Page result;
        try (OcrEngine engine = OcrEngine.open(OcrConfig.defaults())) {
            result = engine.recognize(page, "huge.png");
        } finally {
            page.release();
        }
        long grown = residentMiB() - before;
        String text = result.regions().stream().flatMap(r -> r.lines().stream()).map(TextLine::text)
                .collect(Collectors.joining("\n"));
        assertTrue(text.contains("HUGE PAGE 2026"), text);
        assertTrue(text.contains("second line here"), text);
        // The page itself is 400 MB; the engine's working memory on top of it stays far below another copy in BGR.
        assertTrue(grown < 900, "resident memory grew by " + grown + " MiB");
    }

    private static long residentMiB() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException e) {
            return 0; // not Linux: no memory figure, the text checks still run
        }
        return 0;
    }
}
