package io.pero.ocr.layout;

import java.util.List;

/**
 * The page's yardsticks, derived from its own lines so that no rule depends on resolution: the median line height,
 * how wide a fragment must be to count as running text rather than a table cell or label (8 line heights, about 16
 * characters), and how wide a row must be to count as a full line of a column: 12 line heights, less on pages whose
 * rows are all shorter (narrow newspaper columns), but never less than a text run.
 */
record LineScale(double lineHeight, double textRun, double longRow) {
    private static final double TEXT_RUN = 8;
    private static final double LONG_ROW = 12;

    static LineScale of(List<LineBox> boxes) {
        double[] heights = boxes.stream().mapToDouble(LineBox::height).sorted().toArray();
        double h = heights.length == 0 ? 1 : Math.max(1, heights[heights.length / 2]);
        return new LineScale(h, TEXT_RUN * h, LONG_ROW * h);
    }

    /** This scale with the long-row width fitted to the page's rows (fragments already joined into rows). */
    LineScale fittedTo(List<Row> rows) {
        double[] widths = rows.stream().mapToDouble(Row::width).sorted().toArray();
        if (widths.length == 0) {
            return this;
        }
        double wide = widths[(int) Math.floor(0.9 * (widths.length - 1))];
        return new LineScale(lineHeight, textRun, Math.max(textRun, Math.min(longRow, 0.8 * wide)));
    }
}
