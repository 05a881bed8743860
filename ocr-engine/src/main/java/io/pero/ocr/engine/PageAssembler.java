package io.pero.ocr.engine;

import io.pero.ocr.detect.Quad;
import io.pero.ocr.layout.TextBlock;
import io.pero.ocr.layout.TextRow;
import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.model.Word;
import io.pero.ocr.recognize.WordBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the output page from recognised fragments and the layout: one region per block, one text line per row.
 * A row of several fragments (table cells, a line the detector cut at a wide gap) becomes one line whose outline
 * runs along the fragments' tops and back along their bottoms.
 */
final class PageAssembler {
    /** Where the baseline sits across a detected line box (the box includes descenders and a margin). */
    static final double BASELINE_POSITION = 0.72;

    private PageAssembler() {
    }

    static Page assemble(String imageName, int width, int height, List<RecognizedFragment> fragments,
                         List<TextBlock> blocks) {
        List<TextRegion> regions = new ArrayList<>();
        for (TextBlock block : blocks) {
            String regionId = "r" + (regions.size() + 1);
            List<TextLine> lines = new ArrayList<>();
            for (TextRow row : block.rows()) {
                lines.add(line(regionId + "_l" + (lines.size() + 1), row, fragments));
            }
            List<Point> corners = new ArrayList<>();
            lines.forEach(l -> corners.addAll(l.polygon().points()));
            regions.add(new TextRegion(regionId, ConvexHull.of(corners), lines));
        }
        return new Page(imageName, width, height, regions);
    }

    static TextLine line(String id, TextRow row, List<RecognizedFragment> fragments) {
        List<Point> top = new ArrayList<>();
        List<Point> bottom = new ArrayList<>();
        List<Point> baseline = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        double confidenceSum = 0;
        int chars = 0;
        for (int index : row.fragments()) {
            RecognizedFragment fragment = fragments.get(index);
            Quad q = fragment.quad();
            top.add(new Point(q.x0(), q.y0()));
            top.add(new Point(q.x1(), q.y1()));
            bottom.add(0, new Point(q.x3(), q.y3()));
            bottom.add(0, new Point(q.x2(), q.y2()));
            baseline.add(q.at(0, BASELINE_POSITION));
            baseline.add(q.at(1, BASELINE_POSITION));
            words.addAll(WordBuilder.words(fragment.reading(), q));
            String fragmentText = fragment.text();
            text.append(text.isEmpty() || fragmentText.isEmpty() ? "" : " ").append(fragmentText);
            int n = fragment.reading().chars().size();
            confidenceSum += fragment.reading().confidence() * n;
            chars += n;
        }
        List<Point> outline = new ArrayList<>(top);
        outline.addAll(bottom);
        return new TextLine(id, new Polygon(outline), baseline, text.toString(), chars == 0 ? 0 : confidenceSum / chars,
                words);
    }
}
