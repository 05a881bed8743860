package io.pero.ocr.detect;

import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import java.util.List;

/**
 * A text line's outline as four corners in image pixels: top-left, top-right, bottom-right, bottom-left, where
 * "top-left to top-right" is the reading direction. Points along the line are addressed by (u, v) in [0,1]²:
 * u along the reading direction, v from the top edge to the bottom edge.
 */
public record Quad(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {

    /** Length of the reading direction (mean of the top and bottom edges). */
    public double width() {
        return (Math.hypot(x1 - x0, y1 - y0) + Math.hypot(x2 - x3, y2 - y3)) / 2;
    }

    /** Extent across the reading direction (mean of the left and right edges). */
    public double height() {
        return (Math.hypot(x3 - x0, y3 - y0) + Math.hypot(x2 - x1, y2 - y1)) / 2;
    }

    /** Angle of the reading direction in radians (0 = left to right, positive = clockwise on screen). */
    public double angle() {
        return Math.atan2((y1 - y0) + (y2 - y3), (x1 - x0) + (x2 - x3));
    }

    public double centerX() {
        return (x0 + x1 + x2 + x3) / 4;
    }

    public double centerY() {
        return (y0 + y1 + y2 + y3) / 4;
    }

    /** The point at (u, v): bilinear between the corners. */
    public Point at(double u, double v) {
        double topX = x0 + (x1 - x0) * u;
        double topY = y0 + (y1 - y0) * u;
        double botX = x3 + (x2 - x3) * u;
        double botY = y3 + (y2 - y3) * u;
        return new Point(topX + (botX - topX) * v, topY + (botY - topY) * v);
    }

    /** The part of this quad between u0 and u1 along the reading direction. */
    public Quad slice(double u0, double u1) {
        Point a = at(u0, 0);
        Point b = at(u1, 0);
        Point c = at(u1, 1);
        Point d = at(u0, 1);
        return new Quad(a.x(), a.y(), b.x(), b.y(), c.x(), c.y(), d.x(), d.y());
    }

    /** The part of this quad between v0 and v1 across the reading direction. */
    public Quad band(double v0, double v1) {
        Point a = at(0, v0);
        Point b = at(1, v0);
        Point c = at(1, v1);
        Point d = at(0, v1);
        return new Quad(a.x(), a.y(), b.x(), b.y(), c.x(), c.y(), d.x(), d.y());
    }

    public Quad scaled(double factor) {
        return new Quad(x0 * factor, y0 * factor, x1 * factor, y1 * factor, x2 * factor, y2 * factor, x3 * factor,
                y3 * factor);
    }

    public Quad scaled(double factorX, double factorY) {
        return new Quad(x0 * factorX, y0 * factorY, x1 * factorX, y1 * factorY, x2 * factorX, y2 * factorY,
                x3 * factorX, y3 * factorY);
    }

    public Quad translated(double dx, double dy) {
        return new Quad(x0 + dx, y0 + dy, x1 + dx, y1 + dy, x2 + dx, y2 + dy, x3 + dx, y3 + dy);
    }

    public Quad clippedTo(double width, double height) {
        return new Quad(clip(x0, width), clip(y0, height), clip(x1, width), clip(y1, height), clip(x2, width),
                clip(y2, height), clip(x3, width), clip(y3, height));
    }

    private static double clip(double value, double limit) {
        return Math.max(0, Math.min(limit - 1, value));
    }

    public double minX() {
        return Math.min(Math.min(x0, x1), Math.min(x2, x3));
    }

    public double maxX() {
        return Math.max(Math.max(x0, x1), Math.max(x2, x3));
    }

    public double minY() {
        return Math.min(Math.min(y0, y1), Math.min(y2, y3));
    }

    public double maxY() {
        return Math.max(Math.max(y0, y1), Math.max(y2, y3));
    }

    public Polygon toPolygon() {
        return new Polygon(List.of(new Point(x0, y0), new Point(x1, y1), new Point(x2, y2), new Point(x3, y3)));
    }

    /**
     * The quad of a rotated rectangle, oriented for horizontal reading: the side closer to horizontal is the reading
     * direction, read left to right.
     */
    public static Quad ofRotatedRect(double cx, double cy, double w, double h, double angleDegrees) {
        double a = Math.toRadians(angleDegrees);
        double ux = Math.cos(a);
        double uy = Math.sin(a);
        double halfW = w / 2;
        double halfH = h / 2;
        // Axis along "w" is (ux, uy); axis along "h" is (-uy, ux). Choose the more horizontal one as reading direction.
        double dirX;
        double dirY;
        double len;
        double across;
        if (Math.abs(ux) >= Math.abs(uy)) {
            dirX = ux;
            dirY = uy;
            len = halfW;
            across = halfH;
        } else {
            dirX = -uy;
            dirY = ux;
            len = halfH;
            across = halfW;
        }
        if (dirX < 0) {
            dirX = -dirX;
            dirY = -dirY;
        }
        // Normal pointing down the page (positive y) for a left-to-right direction.
        double nx = -dirY;
        double ny = dirX;
        return new Quad(cx - dirX * len - nx * across, cy - dirY * len - ny * across,
                cx + dirX * len - nx * across, cy + dirY * len - ny * across,
                cx + dirX * len + nx * across, cy + dirY * len + ny * across,
                cx - dirX * len + nx * across, cy - dirY * len + ny * across);
    }
}
