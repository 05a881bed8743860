package io.pero.ocr.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.ocr.model.Page;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextWriterTest {
    private final PlainTextWriter writer = new PlainTextWriter();

    @Test
    void linesInReadingOrderWithABlankLineBetweenRegions() {
        assertEquals("Chapter One\n\nIt was a bright cold day\nand the clocks struck 13.\n",
                writer.toText(TestPages.twoRegions()));
    }

    @Test
    void emptyPageGivesNoBytes() {
        assertEquals(0, writer.write(new Page("x.png", 1, 1, List.of())).length);
    }

    @Test
    void blankLinesAndTextlessRegionsDoNotAddBlankLines() {
        TextLine blank = new TextLine("b", Polygon.rectangle(0, 0, 1, 1), List.of(), " ", 0.1, List.of());
        TextLine text = new TextLine("t", Polygon.rectangle(0, 0, 1, 1), List.of(), "text", 0.9, List.of());
        TextLine broken = new TextLine("n", Polygon.rectangle(0, 0, 1, 1), List.of(), "a\r\nb", 0.9, List.of());
        Page page = new Page("x.png", 10, 10, List.of(
                new TextRegion("r1", Polygon.rectangle(0, 0, 1, 1), List.of(blank)),
                new TextRegion("r2", Polygon.rectangle(0, 0, 1, 1), List.of(blank, text, blank, broken)),
                new TextRegion("r3", Polygon.rectangle(0, 0, 1, 1), List.of()),
                new TextRegion("r4", Polygon.rectangle(0, 0, 1, 1), List.of(text))));

        assertEquals("text\na b\n\ntext\n", writer.toText(page));
    }

    @Test
    void outputIsUtf8() {
        TextLine line = new TextLine("l", Polygon.rectangle(0, 0, 1, 1), List.of(), "Příliš „žluťoučký“ kůň — ä", 0.9,
                List.of());
        Page page = new Page("x.png", 10, 10, List.of(new TextRegion("r", Polygon.rectangle(0, 0, 1, 1), List.of(line))));
        assertArrayEquals("Příliš „žluťoučký“ kůň — ä\n".getBytes(StandardCharsets.UTF_8), writer.write(page));
    }
}
