package io.pero.ocr.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a detector input into overlapping tiles whose kept parts partition the image exactly: each pixel's
 * probability comes from the tile where it lies farthest from a cut edge, so no tile's border artefacts survive.
 */
final class TileGrid {
    private TileGrid() {
    }

    /**
     * A tile: the region fed to the model ({@code x, y, width, height}) and the part of it kept
     * ({@code keepX0..keepX1, keepY0..keepY1}, absolute, end exclusive).
     */
    record Tile(int x, int y, int width, int height, int keepX0, int keepY0, int keepX1, int keepY1) {
    }

    static List<Tile> of(int imageWidth, int imageHeight, int tileSize, int overlap) {
        List<int[]> xs = spans(imageWidth, tileSize, overlap);
        List<int[]> ys = spans(imageHeight, tileSize, overlap);
        List<Tile> tiles = new ArrayList<>();
        for (int[] y : ys) {
            for (int[] x : xs) {
                tiles.add(new Tile(x[0], y[0], x[1], y[1], x[2], y[2], x[3], y[3]));
            }
        }
        return tiles;
    }

    /** Spans along one axis: {start, length, keepStart, keepEnd}. */
    private static List<int[]> spans(int length, int tile, int overlap) {
        List<int[]> spans = new ArrayList<>();
        if (length <= tile) {
            spans.add(new int[] {0, length, 0, length});
            return spans;
        }
        int step = tile - overlap;
        int count = (int) Math.ceil((length - overlap) / (double) step);
        // Spread the tiles evenly so the last one does not hang over the edge.
        double stride = (length - tile) / (double) (count - 1);
        int previousKeepEnd = 0;
        for (int i = 0; i < count; i++) {
            int start = (int) Math.round(i * stride);
            int nextStart = i + 1 < count ? (int) Math.round((i + 1) * stride) : length;
            int keepEnd = i + 1 < count ? (start + tile + nextStart) / 2 : length;
            spans.add(new int[] {start, tile, previousKeepEnd, keepEnd});
            previousKeepEnd = keepEnd;
        }
        return spans;
    }
}
