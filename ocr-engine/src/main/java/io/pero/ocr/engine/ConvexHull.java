package io.pero.ocr.engine;

import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Convex hull (Andrew's monotone chain), used as a region's outline around its lines. */
final class ConvexHull {
    private ConvexHull() {
    }

    static Polygon of(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
        if (sorted.size() < 3) {
            return new Polygon(sorted);
        }
        List<Point> hull = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (Point p : sorted) {
                while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
                    hull.remove(hull.size() - 1);
                }
                hull.add(p);
            }
            hull.remove(hull.size() - 1);
            java.util.Collections.reverse(sorted);
        }
        return new Polygon(hull);
    }

    private static double cross(Point o, Point a, Point b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    }
}
