package io.pero.ocr.model;

import java.util.List;

/**
 * One text line: outline, baseline (left to right), recognised text with confidence in [0,1], and its words
 * in reading order. A line read from an input PAGE XML may have empty text and no words until recognised.
 */
public record TextLine(String id, Polygon polygon, List<Point> baseline, String text, double confidence,
                       List<Word> words) {
    public TextLine {
        baseline = List.copyOf(baseline);
        words = List.copyOf(words);
        text = text == null ? "" : text;
    }
}
