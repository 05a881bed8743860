package io.pero.ocr.layout;

/**
 * A printed rule (a straight ruling line: a column rule, a table or box border, an underline across a block), from
 * (x0, y0) to (x1, y1) in image pixels. Rules are layout evidence that text alone does not give: a rule between two
 * fragments is a border, however close they stand.
 */
public record Ruling(double x0, double y0, double x1, double y1) {
    /** Whether the rule runs up and down the page rather than across it. */
    public boolean vertical() {
        return Math.abs(y1 - y0) > Math.abs(x1 - x0);
    }

    /** The rule in a page frame rotated by {@code -angle} (see {@link Deskew#boxes}). */
    Ruling rotated(double angle) {
        double cos = Math.cos(-angle);
        double sin = Math.sin(-angle);
        return new Ruling(x0 * cos - y0 * sin, x0 * sin + y0 * cos, x1 * cos - y1 * sin, x1 * sin + y1 * cos);
    }

    double minX() {
        return Math.min(x0, x1);
    }

    double maxX() {
        return Math.max(x0, x1);
    }

    double minY() {
        return Math.min(y0, y1);
    }

    double maxY() {
        return Math.max(y0, y1);
    }

    double length() {
        return Math.hypot(x1 - x0, y1 - y0);
    }
}
