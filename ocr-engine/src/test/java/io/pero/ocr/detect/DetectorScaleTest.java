package io.pero.ocr.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DetectorScaleTest {
    @Test
    void a300DpiA4PageIsReDetectedWhereItsLinesReachTheTargetHeight() {
        double first = DetectorScale.firstLook(2480, 3508, 16);
        assertEquals(1280.0 / 3508, first, 1e-9);
        // Body lines seen 12 px high at the first look: detect again at 28/12 of that scale.
        double refined = DetectorScale.refined(first, 12, 28, 2480, 3508, 16);
        assertEquals(first * 28 / 12, refined, 1e-9);
    }

    @Test
    void linesNearTheTargetNeedNoSecondPass() {
        assertEquals(0.5, DetectorScale.refined(0.5, 26, 28, 2000, 3000, 16));
    }

    @Test
    void theDetectorInputAreaIsCapped() {
        double refined = DetectorScale.refined(0.05, 2, 28, 20000, 20000, 16);
        DetectorScale.Size size = DetectorScale.sizeAt(refined, 20000, 20000);
        assertTrue(size.megapixels() <= 16.5, "megapixels " + size.megapixels());
    }

    @Test
    void sidesAreMultiplesOf32() {
        DetectorScale.Size size = DetectorScale.sizeAt(0.37, 1001, 777);
        assertEquals(0, size.width() % 32);
        assertEquals(0, size.height() % 32);
    }
}
