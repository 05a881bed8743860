package io.pero.ocr.detect;

import java.util.List;

/**
 * The median height of detected lines, in image pixels; 0 when there are none. On a page turned sideways the lines
 * stand upright and their height is their horizontal extent.
 */
final class MedianLineHeight {
    private MedianLineHeight() {
    }

    static double of(List<DetectedLine> lines) {
        boolean sideways = TextDirection.mostlyVertical(lines);
        double[] heights = lines.stream().mapToDouble(l -> sideways ? l.quad().width() : l.thickness()).sorted()
                .toArray();
        return heights.length == 0 ? 0 : heights[heights.length / 2];
    }
}
