package io.pero.ocr.layout;

import java.util.Comparator;
import java.util.List;

/** Fragments joined into one text row, left to right, with their common bounding box. */
record Row(List<LineBox> fragments, double x0, double y0, double x1, double y1) {
    static Row of(List<LineBox> fragments) {
        List<LineBox> sorted = fragments.stream().sorted(Comparator.comparingDouble(LineBox::x0)).toList();
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (LineBox b : sorted) {
            x0 = Math.min(x0, b.x0());
            y0 = Math.min(y0, b.y0());
            x1 = Math.max(x1, b.x1());
            y1 = Math.max(y1, b.y1());
        }
        return new Row(sorted, x0, y0, x1, y1);
    }

    double width() {
        return x1 - x0;
    }

    double height() {
        return y1 - y0;
    }

    double centerY() {
        return (y0 + y1) / 2;
    }

    TextRow toTextRow() {
        return new TextRow(fragments.stream().map(LineBox::index).toList());
    }
}
