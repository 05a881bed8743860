package io.pero.ocr.layout;

import java.util.List;

/** One output text line: the fragments (indices into the analysed quads) that sit side by side, left to right. */
public record TextRow(List<Integer> fragments) {
    public TextRow {
        fragments = List.copyOf(fragments);
    }
}
