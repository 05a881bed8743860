package io.pero.ocr.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WidthBatcherTest {
    @Test
    void batchesHoldLinesOfSimilarWidthOnly() {
        int[] widths = {100, 1000, 105, 990, 110, 300};
        List<int[]> batches = WidthBatcher.batches(widths, 8, 100_000);
        for (int[] batch : batches) {
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int i : batch) {
                min = Math.min(min, widths[i]);
                max = Math.max(max, widths[i]);
            }
            assertTrue(max <= min * WidthBatcher.MAX_WIDTH_RATIO + 8, min + ".." + max);
        }
        assertEquals(widths.length, batches.stream().mapToInt(b -> b.length).sum());
        assertEquals(3, batches.size());
    }

    @Test
    void batchSizeAndPixelBoundsAreRespected() {
        int[] widths = new int[10];
        java.util.Arrays.fill(widths, 500);
        assertEquals(5, WidthBatcher.batches(widths, 2, 100_000).size());
        assertEquals(10, WidthBatcher.batches(widths, 8, 600).size());
    }
}
