package io.pero.ocr.detect;

import java.util.List;

/** The median height of detected lines, in image pixels; 0 when there are none. */
final class MedianLineHeight {
    private MedianLineHeight() {
    }

    static double of(List<DetectedLine> lines) {
        double[] heights = lines.stream().mapToDouble(l -> l.quad().height()).sorted().toArray();
        return heights.length == 0 ? 0 : heights[heights.length / 2];
    }
}
