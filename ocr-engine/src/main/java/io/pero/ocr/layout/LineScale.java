package io.pero.ocr.layout;

import java.util.List;

/**
 * The page's yardsticks, derived from its own lines so that no rule depends on resolution: the median line height
 * and how wide a fragment must be to count as running text rather than a table cell or label (8 line heights, about
 * 16 characters).
 */
record LineScale(double lineHeight, double textRun) {
    private static final double TEXT_RUN = 8;

    static LineScale of(List<LineBox> boxes) {
        double[] heights = boxes.stream().mapToDouble(LineBox::height).sorted().toArray();
        double h = heights.length == 0 ? 1 : Math.max(1, heights[heights.length / 2]);
        return new LineScale(h, TEXT_RUN * h);
    }
}
