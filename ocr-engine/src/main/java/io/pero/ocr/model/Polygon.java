package io.pero.ocr.model;

import java.util.List;

/** A closed polygon in image pixel coordinates, points in order (clockwise or not). */
public record Polygon(List<Point> points) {
    public Polygon {
        points = List.copyOf(points);
    }

    public static Polygon rectangle(double x0, double y0, double x1, double y1) {
        return new Polygon(List.of(new Point(x0, y0), new Point(x1, y0), new Point(x1, y1), new Point(x0, y1)));
    }

    public double minX() {
        return points.stream().mapToDouble(Point::x).min().orElse(0);
    }

    public double maxX() {
        return points.stream().mapToDouble(Point::x).max().orElse(0);
    }

    public double minY() {
        return points.stream().mapToDouble(Point::y).min().orElse(0);
    }

    public double maxY() {
        return points.stream().mapToDouble(Point::y).max().orElse(0);
    }
}
