package io.pero.ocr.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private final LineSplitter splitter = new LineSplitter(0.3);

    @Test
    void twoFusedRowsAreCutInTheValleyBetweenThem() {
        double[] profile = new double[40];
        for (int i = 0; i < 40; i++) {
            profile[i] = i < 4 || i >= 36 ? 0.05 : (i >= 18 && i < 22) ? 0.2 : 0.9;
        }
        List<Double> cuts = splitter.valleys(profile, 8);
        assertEquals(1, cuts.size());
        assertEquals(0.5, cuts.get(0), 0.06);
    }

    @Test
    void aSingleTallLineIsNotCut() {
        double[] profile = new double[40];
        for (int i = 0; i < 40; i++) {
            profile[i] = i < 3 || i >= 37 ? 0.05 : 0.8 + 0.05 * Math.sin(i);
        }
        assertEquals(List.of(), splitter.valleys(profile, 8));
    }
}
