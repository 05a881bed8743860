package io.pero.ocr.layout;

import java.util.List;

/** A region of the page (a paragraph or column piece): its rows in reading order. */
public record TextBlock(List<TextRow> rows) {
    public TextBlock {
        rows = List.copyOf(rows);
    }
}
