package io.pero.ocr.detect;

import java.util.Arrays;
import java.util.List;

/** The median height of detected lines, in image pixels; 0 when there are none. */
final class MedianLineHeight {
    private MedianLineHeight() {
    }

    static double of(List<DetectedLine> lines) {
        double[] heights = lines.stream().mapToDouble(l -> l.quad().height()).sorted().toArray();
        return heights.length == 0 ? 0 : heights[heights.length / 2];
    }

    static double ofValues(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
