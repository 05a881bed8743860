package io.pero.ocr.model;

import java.util.List;

/** A block of lines (a paragraph or column piece), lines in reading order. */
public record TextRegion(String id, Polygon polygon, List<TextLine> lines) {
    public TextRegion {
        lines = List.copyOf(lines);
    }
}
