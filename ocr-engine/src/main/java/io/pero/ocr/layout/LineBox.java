package io.pero.ocr.layout;

/** A line fragment's axis-aligned box in the deskewed page frame; {@code index} is its position in the input. */
public record LineBox(int index, double x0, double y0, double x1, double y1) {
    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }

    public double centerY() {
        return (y0 + y1) / 2;
    }

    public double centerX() {
        return (x0 + x1) / 2;
    }

    /** Vertical overlap with another box as a fraction of the lower of the two heights. */
    public double verticalOverlap(LineBox other) {
        double overlap = Math.min(y1, other.y1) - Math.max(y0, other.y0);
        return overlap <= 0 ? 0 : overlap / Math.min(height(), other.height());
    }

    /** Horizontal overlap in pixels (negative: the gap between them). */
    public double horizontalOverlap(LineBox other) {
        return Math.min(x1, other.x1) - Math.max(x0, other.x0);
    }
}
