package io.pero.ocr.layout;

import io.pero.ocr.config.LayoutConfig;
import io.pero.ocr.config.ReadingOrderMode;
import io.pero.ocr.detect.Quad;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns detected line fragments into regions and rows in reading order. Pure: geometry in, indices out.
 */
public final class LayoutAnalyzer {
    private final LayoutConfig config;

    public LayoutAnalyzer(LayoutConfig config) {
        this.config = config;
    }

    public List<TextBlock> analyze(List<Quad> quads) {
        return analyze(quads, List.of());
    }

    /** @param rulings the page's printed rules, in the same image coordinates as the quads */
    public List<TextBlock> analyze(List<Quad> quads, List<Ruling> rulings) {
        return analyze(quads, rulings, Double.NaN);
    }

    /**
     * @param rulings   the page's printed rules, in the same image coordinates as the quads
     * @param pageWidth the image's width; with the column layout, a strip of the facing page cut by its left or
     *                  right border ({@link FacingPageStrip}) is left out of the blocks. NaN: nothing is left out.
     */
    public List<TextBlock> analyze(List<Quad> quads, List<Ruling> rulings, double pageWidth) {
        if (quads.isEmpty()) {
            return List.of();
        }
        double angle = config.deskew() ? Deskew.angle(quads) : 0;
        List<LineBox> boxes = Deskew.boxes(quads, angle);
        if (config.readingOrder() == ReadingOrderMode.TOP_DOWN) {
            return topDown(boxes);
        }
        List<Ruling> straight = rulings.stream().map(r -> r.rotated(angle)).toList();
        return new ColumnLayout(boxes, straight, FacingPageStrip.of(quads, pageWidth)).blocks();
    }

    /**
     * Where recognised lines must be cut because they run across a column gutter ({@link GutterCuts}); none in
     * {@code top_down} mode, which keeps the detector's lines as they are.
     *
     * @param gaps for each quad, its word gaps as {from, to} fractions of its length
     */
    public List<List<double[]>> gutterCuts(List<Quad> quads, List<List<double[]>> gaps) {
        if (config.readingOrder() == ReadingOrderMode.TOP_DOWN) {
            return quads.stream().map(q -> List.<double[]>of()).toList();
        }
        return GutterCuts.find(quads, gaps);
    }

    static List<TextBlock> topDown(List<LineBox> boxes) {
        List<LineBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(LineBox::centerY).thenComparingDouble(LineBox::x0));
        List<TextRow> rows = new ArrayList<>();
        for (LineBox box : sorted) {
            rows.add(new TextRow(List.of(box.index())));
        }
        return List.of(new TextBlock(rows));
    }
}
