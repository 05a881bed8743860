package io.pero.ocr.engine;

import io.pero.ocr.detect.Quad;
import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.model.Word;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * A quarter-turn that makes a page upright: applied to the image before recognition, and undone on the recognised
 * page so that its coordinates refer to the image as given.
 */
enum PageTurn {
    NONE(-1),
    CLOCKWISE(Core.ROTATE_90_CLOCKWISE),
    HALF(Core.ROTATE_180),
    COUNTERCLOCKWISE(Core.ROTATE_90_COUNTERCLOCKWISE);

    private final int openCvCode;

    PageTurn(int openCvCode) {
        this.openCvCode = openCvCode;
    }

    /** The image turned; the caller releases it. */
    Mat apply(Mat image) {
        Mat turned = new Mat();
        Core.rotate(image, turned, openCvCode);
        return turned;
    }

    /** Where a point of the image as given lands in the turned image ({@code w} × {@code h}: the given size). */
    Point forward(Point p, int w, int h) {
        return switch (this) {
            case NONE -> p;
            case CLOCKWISE -> new Point(h - p.y(), p.x());
            case HALF -> new Point(w - p.x(), h - p.y());
            case COUNTERCLOCKWISE -> new Point(p.y(), w - p.x());
        };
    }

    /** Where a point of the turned image came from in the image as given ({@code w} × {@code h}: the given size). */
    Point back(Point p, int w, int h) {
        return switch (this) {
            case NONE -> p;
            case CLOCKWISE -> new Point(p.y(), h - p.x());
            case HALF -> new Point(w - p.x(), h - p.y());
            case COUNTERCLOCKWISE -> new Point(w - p.y(), p.x());
        };
    }

    /** A line quad of the given image as it lies in the turned image, its corners keeping their roles. */
    Quad forward(Quad q, int w, int h) {
        Point a = forward(new Point(q.x0(), q.y0()), w, h);
        Point b = forward(new Point(q.x1(), q.y1()), w, h);
        Point c = forward(new Point(q.x2(), q.y2()), w, h);
        Point d = forward(new Point(q.x3(), q.y3()), w, h);
        return new Quad(a.x(), a.y(), b.x(), b.y(), c.x(), c.y(), d.x(), d.y());
    }

    /** The page recognised on the turned image, in the coordinates of the image as given ({@code w} × {@code h}). */
    Page back(Page turned, int w, int h) {
        if (this == NONE) {
            return turned;
        }
        List<TextRegion> regions = turned.regions().stream().map(r -> new TextRegion(r.id(), back(r.polygon(), w, h),
                r.lines().stream().map(l -> new TextLine(l.id(), back(l.polygon(), w, h), back(l.baseline(), w, h),
                        l.text(), l.confidence(), l.words().stream()
                        .map(word -> new Word(word.text(), back(word.polygon(), w, h), word.confidence())).toList()))
                        .toList())).toList();
        return new Page(turned.imageName(), w, h, regions);
    }

    private Polygon back(Polygon polygon, int w, int h) {
        return new Polygon(back(polygon.points(), w, h));
    }

    private List<Point> back(List<Point> points, int w, int h) {
        return points.stream().map(p -> back(p, w, h)).toList();
    }
}
