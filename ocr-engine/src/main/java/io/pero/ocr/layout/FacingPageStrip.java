package io.pero.ocr.layout;

import io.pero.ocr.detect.Quad;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the sliver of the neighbouring page that a book or magazine scan catches at its left or right edge: a column
 * of short fragments cut off by the image border ("C", "tha", "co"), which no line of the page itself reaches into. They are parts of words of another page; read into the text they only add noise, so the layout leaves them
 * out (the ground-truth convention of {@code evaldata} too). Sizes are in units of the median line height.
 */
final class FacingPageStrip {
    /** A fragment touches the border when it ends this close to it: the detector's box is cut by the image edge. */
    static final double TOUCH = 0.25;
    /**
     * The strip is at most this wide: a few letters of each line of the other page. The page's own text touching the
     * border (a tightly cropped scan, a receipt) has lines much wider than that.
     */
    static final double MAX_WIDTH = 3;
    /** A strip holds the cut ends of at least this many lines: one or two short pieces at the edge are a label. */
    static final int MIN_LINES = 3;

    private FacingPageStrip() {
    }

    /** The indices of the fragments that form a strip at the left or right border of a page this wide. */
    static Set<Integer> of(List<Quad> quads, double pageWidth) {
        Set<Integer> strip = new TreeSet<>();
        if (quads.isEmpty() || !(pageWidth > 0)) {
            return strip;
        }
        double[] heights = quads.stream().mapToDouble(q -> Math.min(q.width(), q.height())).sorted().toArray();
        double lineHeight = Math.max(1, heights[heights.length / 2]);
        strip.addAll(side(quads, lineHeight, q -> q.minX(), q -> q.maxX()));
        strip.addAll(side(quads, lineHeight, q -> pageWidth - q.maxX(), q -> pageWidth - q.minX()));
        return strip;
    }

    /** One side; {@code near} and {@code far} measure a fragment's two ends from that border. */
    private static List<Integer> side(List<Quad> quads, double lineHeight,
                                      java.util.function.ToDoubleFunction<Quad> near,
                                      java.util.function.ToDoubleFunction<Quad> far) {
        double width = 0;
        int touching = 0;
        for (Quad q : quads) {
            if (near.applyAsDouble(q) <= TOUCH * lineHeight) {
                touching++;
                width = Math.max(width, far.applyAsDouble(q));
            }
        }
        if (touching < MIN_LINES || width > MAX_WIDTH * lineHeight) {
            return List.of();
        }
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < quads.size(); i++) {
            Quad q = quads.get(i);
            if (far.applyAsDouble(q) <= width) {
                members.add(i);
            } else if (near.applyAsDouble(q) < width) {
                // A line of the page itself reaches into the strip: no gutter separates it, so there is no strip.
                // (The gutter is not measured: a newspaper's column gap is hardly wider than a word space.)
                return List.of();
            }
        }
        return members;
    }
}
