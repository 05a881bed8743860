package io.pero.ocr.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileGridTest {
    @ParameterizedTest
    @CsvSource({"640,480", "1280,1792", "2016,640", "4096,4128", "672,704"})
    void keptPartsCoverEveryPixelExactlyOnceAndTilesStayInside(int width, int height) {
        List<TileGrid.Tile> tiles = TileGrid.of(width, height, 640, 64);
        int[][] covered = new int[height][width];
        for (TileGrid.Tile t : tiles) {
            assertTrue(t.x() >= 0 && t.y() >= 0 && t.x() + t.width() <= width && t.y() + t.height() <= height);
            assertTrue(t.width() <= 640 && t.height() <= 640);
            assertTrue(t.keepX0() >= t.x() && t.keepX1() <= t.x() + t.width());
            for (int y = t.keepY0(); y < t.keepY1(); y++) {
                for (int x = t.keepX0(); x < t.keepX1(); x++) {
                    covered[y][x]++;
                }
            }
        }
        for (int[] row : covered) {
            for (int c : row) {
                assertEquals(1, c);
            }
        }
    }
}
