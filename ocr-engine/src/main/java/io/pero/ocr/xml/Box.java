package io.pero.ocr.xml;

import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** An axis-aligned box in whole, non-negative pixels, as ALTO's HPOS/VPOS/WIDTH/HEIGHT and fallback outlines need. */
record Box(long x0, long y0, long x1, long y1) {
    long width() {
        return x1 - x0;
    }

    long height() {
        return y1 - y0;
    }

    Polygon toPolygon() {
        return Polygon.rectangle(x0, y0, x1, y1);
    }

    Box union(Box o) {
        return new Box(Math.min(x0, o.x0), Math.min(y0, o.y0), Math.max(x1, o.x1), Math.max(y1, o.y1));
    }

    static Optional<Box> of(Collection<Point> points) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Point p : points) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return Optional.of(new Box(px(minX), px(minY), px(maxX), px(maxY)));
    }

    static Optional<Box> of(Polygon polygon) {
        return polygon == null ? Optional.empty() : of(polygon.points());
    }

    static Optional<Box> unionOf(List<Optional<Box>> boxes) {
        return boxes.stream().flatMap(Optional::stream).reduce(Box::union);
    }

    /** Rounds to a whole pixel, never negative (PAGE points are non-negative integers; NaN becomes 0). */
    static long px(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.round(v));
    }
}
