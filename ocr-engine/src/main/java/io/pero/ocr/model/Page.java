package io.pero.ocr.model;

import java.util.List;

/** A recognised page: the image it came from, its size in pixels, and its regions in reading order. */
public record Page(String imageName, int width, int height, List<TextRegion> regions) {
    public Page {
        regions = List.copyOf(regions);
    }
}
