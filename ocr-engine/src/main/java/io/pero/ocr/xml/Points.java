package io.pero.ocr.xml;

import io.pero.ocr.model.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats and parses PAGE point lists ({@code "x1,y1 x2,y2 ..."}). */
final class Points {
    private Points() {
    }

    /**
     * Whole non-negative pixels, as the PAGE schema's pattern requires (and pero-ocr writes). A single point is
     * repeated because the pattern needs at least two. Empty input gives an empty string.
     */
    static String format(List<Point> points) {
        List<Point> pts = points.size() == 1 ? List.of(points.get(0), points.get(0)) : points;
        StringBuilder b = new StringBuilder(pts.size() * 10);
        for (Point p : pts) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(Box.px(p.x())).append(',').append(Box.px(p.y()));
        }
        return b.toString();
    }

    /**
     * Parses {@code "x,y x,y"}; decimals and negative values are accepted on input (other tools write them).
     * @throws IllegalArgumentException naming the offending pair
     */
    static List<Point> parse(String text) {
        List<Point> points = new ArrayList<>();
        for (String pair : text.trim().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] xy = pair.split(",");
            if (xy.length != 2) {
                throw new IllegalArgumentException("bad point '" + pair + "' (expected x,y)");
            }
            try {
                points.add(new Point(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad point '" + pair + "' (not numbers)");
            }
        }
        return points;
    }

    /** A confidence for {@code conf}/{@code WC}: clamped to [0,1], fixed decimals, '.' whatever the locale. */
    static String confidence(double c, int decimals) {
        double clamped = Math.max(0, Math.min(1, c));
        return String.format(Locale.ROOT, "%." + decimals + "f", clamped);
    }
}
