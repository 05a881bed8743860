package io.pero.ocr.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.ocr.detect.Quad;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines bridged across a column gutter, in units of a 20-pixel line height. */
class GutterCutsTest {
    private static final double H = 20;
    private final List<Quad> quads = new ArrayList<>();
    private final List<List<double[]>> gaps = new ArrayList<>();

    /** A line from x0 to x1 on the given row, with word gaps {from, to} given in line heights from the page's left. */
    private void line(double x0, double x1, int row, double... gapEdges) {
        double y = row * 1.3 * H;
        quads.add(new Quad(x0 * H, y, x1 * H, y, x1 * H, y + H, x0 * H, y + H));
        List<double[]> fractions = new ArrayList<>();
        for (int k = 0; k + 1 < gapEdges.length; k += 2) {
            fractions.add(new double[] {(gapEdges[k] - x0) / (x1 - x0), (gapEdges[k + 1] - x0) / (x1 - x0)});
        }
        gaps.add(fractions);
    }

    @Test
    void aLineRunAcrossTheGutterIsCutWhereTheColumnsEdgesRun() {
        for (int row = 0; row < 8; row++) {
            if (row == 3 || row == 4) {
                line(0, 41, row, 6, 6.3, 20.1, 20.8, 30, 30.3);
            } else {
                // Word spaces fall at different places from line to line.
                line(0, 20, row, 6 + 1.1 * row, 6.3 + 1.1 * row);
                line(21, 41, row, 28 + row, 28.3 + row);
            }
        }
        List<List<double[]>> cuts = GutterCuts.find(quads, gaps);
        for (int i = 0; i < quads.size(); i++) {
            boolean bridged = quads.get(i).width() > 30 * H;
            assertEquals(bridged ? 1 : 0, cuts.get(i).size(), "line " + i);
            if (bridged) {
                assertEquals(20.1 / 41, cuts.get(i).get(0)[0], 1e-9);
                assertEquals(20.8 / 41, cuts.get(i).get(0)[1], 1e-9);
            }
        }
    }

    @Test
    void aRiverOfLinedUpWordSpacesInOneColumnIsNoGutter() {
        for (int row = 0; row < 8; row++) {
            if (row % 2 == 0) {
                line(0, 41, row, 20.1, 20.6, 8 + row, 8.4 + row);
            } else {
                line(0, 41, row, 12 + row, 12.4 + row, 28, 28.4);
            }
        }
        for (List<double[]> lineCuts : GutterCuts.find(quads, gaps)) {
            assertEquals(0, lineCuts.size());
        }
    }

    @Test
    void aGapNearTheLineEndIsLeftToTheRowMerger() {
        // Item numbers before the text of every line: the piece before the gap is shorter than a column's line.
        for (int row = 0; row < 8; row++) {
            line(0, 41, row, 3, 3.8, 20 + row, 20.3 + row);
        }
        for (List<double[]> lineCuts : GutterCuts.find(quads, gaps)) {
            assertEquals(0, lineCuts.size());
        }
    }
}
