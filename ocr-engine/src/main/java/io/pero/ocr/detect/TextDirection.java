package io.pero.ocr.detect;

import java.util.List;

/**
 * Whether a page's text runs across or up and down, from the detected boxes: the detector finds lines in any
 * direction, but everything after it (line height, line splitting, cropping) assumes lines that run across. A page
 * scanned sideways has its elongated boxes standing upright.
 */
public final class TextDirection {
    /**
     * A box tells a direction when its long side is this many times its short side; squarer boxes (single characters,
     * short words) run either way.
     */
    public static final double ELONGATION = 3.0;

    private TextDirection() {
    }

    /** Whether the elongated boxes standing upright outweigh (in total length) those lying across. */
    public static boolean mostlyVertical(List<DetectedLine> lines) {
        double across = 0;
        double upright = 0;
        for (DetectedLine line : lines) {
            Quad q = line.quad();
            if (q.width() >= ELONGATION * q.height()) {
                across += q.width();
            } else if (q.height() >= ELONGATION * q.width()) {
                upright += q.height();
            }
        }
        return upright > across;
    }
}
