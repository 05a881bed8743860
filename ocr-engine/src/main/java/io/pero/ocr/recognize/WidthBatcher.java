package io.pero.ocr.recognize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups line crops into batches of similar width. Padding a narrow line to a much wider neighbour's width makes the
 * recognizer read stray characters into the padding, so a batch only takes lines whose width is within
 * {@link #MAX_WIDTH_RATIO} of its narrowest; batches also stay under a bound on the output size.
 */
final class WidthBatcher {
    static final double MAX_WIDTH_RATIO = 1.15;

    private WidthBatcher() {
    }

    /**
     * @param widths           crop widths
     * @param maxLines         most lines per batch
     * @param maxPixelsPerBatch most padded input pixels (lines × widest width) per batch
     * @return batches of indices into {@code widths}, each sorted by width
     */
    static List<int[]> batches(int[] widths, int maxLines, long maxPixelsPerBatch) {
        Integer[] order = IntStream.range(0, widths.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> widths[i]));
        List<int[]> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int narrowest = 0;
        for (int index : order) {
            int width = widths[index];
            boolean full = current.size() >= maxLines
                    || (long) width * (current.size() + 1) > maxPixelsPerBatch
                    || width > narrowest * MAX_WIDTH_RATIO + 8;
            if (!current.isEmpty() && full) {
                batches.add(current.stream().mapToInt(Integer::intValue).toArray());
                current.clear();
            }
            if (current.isEmpty()) {
                narrowest = width;
            }
            current.add(index);
        }
        if (!current.isEmpty()) {
            batches.add(current.stream().mapToInt(Integer::intValue).toArray());
        }
        return batches;
    }
}
