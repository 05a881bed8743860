package io.pero.ocr.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.detect.Quad;
import io.pero.ocr.engine.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class LineCropperTest {
    private final LineCropper cropper = new LineCropper(48, 4000, 0.75);

    @BeforeAll
    static void load() {
        OpenCv.load();
    }

    @Test
    void cropsAreBgrAtTheModelHeightAndNarrowedByTheWidthScale() {
        Mat grey = new Mat(300, 1000, CvType.CV_8UC1, new Scalar(200));
        Mat crop = cropper.crop(grey, new Quad(100, 100, 900, 120, 898, 220, 98, 200));
        assertEquals(48, crop.rows());
        assertEquals(3, crop.channels());
        assertEquals(Math.round(800.2 * 48 / 100 * 0.75), crop.cols(), 3);
    }

    @Test
    void aGiantBoxIsBoundedByTheMaximumWidth() {
        Mat page = new Mat(5000, 5000, CvType.CV_8UC1, new Scalar(255));
        Mat crop = cropper.crop(page, new Quad(0, 0, 4999, 0, 4999, 40, 0, 40));
        assertEquals(48, crop.rows());
        assertEquals(4000, crop.cols());
        Mat square = cropper.crop(page, new Quad(0, 0, 4999, 0, 4999, 4999, 0, 4999));
        assertEquals(48, square.rows());
        assertEquals(36, square.cols());
    }

    @Test
    void trimmingCutsTheSameShareOffTopAndBottomAndKeepsTheModelHeight() {
        Mat page = new Mat(300, 1000, CvType.CV_8UC1, new Scalar(255));
        // Dark bands in the top and bottom fifth of the line's box (a neighbouring line's descenders and ascenders).
        page.submat(100, 118, 100, 900).setTo(new Scalar(0));
        page.submat(182, 200, 100, 900).setTo(new Scalar(0));
        Quad box = new Quad(100, 100, 900, 100, 900, 200, 100, 200);
        Mat whole = cropper.crop(page, box);
        Mat trimmed = new LineCropper(48, 4000, 0.75, 0.2).crop(page, box);
        assertEquals(48, trimmed.rows());
        assertEquals(Math.round(800 * 48 / 60.0 * 0.75), trimmed.cols(), 2);
        assertTrue(org.opencv.core.Core.minMaxLoc(whole.reshape(1)).minVal < 10);
        assertTrue(org.opencv.core.Core.minMaxLoc(trimmed.reshape(1)).minVal > 200);
    }

    @Test
    void degenerateQuadsGiveNoCrop() {
        Mat page = new Mat(100, 100, CvType.CV_8UC3, new Scalar(255, 255, 255));
        assertNull(cropper.crop(page, new Quad(10, 10, 11, 10, 11, 11, 10, 11)));
    }
}
