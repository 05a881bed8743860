package io.pero.ocr.detect;

import java.util.List;

/**
 * A text line found by the detector: its outline in image pixels, the mean text probability inside it, and, for a
 * curved line, the slices that follow its curve (left to right, each as high as the line itself; empty for a
 * straight line, which its outline already fits).
 */
public record DetectedLine(Quad quad, double score, List<Quad> curve) {
    public DetectedLine {
        curve = List.copyOf(curve);
    }

    public DetectedLine(Quad quad, double score) {
        this(quad, score, List.of());
    }

    /** The line's height across its text: the slices' for a curved line (its outline is thicker than the text). */
    public double thickness() {
        return curve.isEmpty() ? quad.height() : curve.get(0).height();
    }
}
