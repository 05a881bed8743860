package io.pero.ocr.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.model.Word;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageXmlRoundTripTest {
    private final PageXmlWriter writer = new PageXmlWriter("test", TestPages.CLOCK);

    @Test
    void writtenPageReadsBackAsTheSamePage() {
        Page page = TestPages.twoRegions();
        assertEquals(page, PageXmlReader.read(writer.toXml(page), "t"));
    }

    @Test
    void unknownConfidencesEmptyTextAndMissingBaselinesSurvive() {
        TextLine layoutOnly = new TextLine("l1", Polygon.rectangle(1, 2, 30, 40), List.of(), "", Double.NaN, List.of());
        TextLine withWords = new TextLine("l2", Polygon.rectangle(1, 50, 30, 90), List.of(new Point(1, 80), new Point(30, 81)),
                "a b", 0.5, List.of(new Word("a", Polygon.rectangle(1, 50, 10, 90), Double.NaN),
                new Word("b", Polygon.rectangle(20, 50, 30, 90), 1.0)));
        Page page = new Page("x.tif", 100, 100, List.of(new TextRegion("r1", Polygon.rectangle(0, 0, 99, 99),
                List.of(layoutOnly, withWords))));

        assertEquals(page, PageXmlReader.read(writer.toXml(page), "t"));
    }

    @Test
    void readWriteReadOfPeroOcrLayoutKeepsRegionsLinesAndReadingOrder() throws IOException {
        Page first = PageXmlReader.read(PageXmlReaderTest.resource("pero-layout-2019.xml"), "in");
        String written = writer.toXml(first);
        SchemaValidation.assertValid(SchemaValidation.PAGE, written);
        assertEquals(first, PageXmlReader.read(written, "out"));
    }
}
