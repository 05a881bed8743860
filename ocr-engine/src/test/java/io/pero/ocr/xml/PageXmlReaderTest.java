package io.pero.ocr.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageXmlReaderTest {

    @Test
    void readsPeroOcrLayoutOutputInReadingOrder() throws IOException {
        Page page = PageXmlReader.read(resource("pero-layout-2019.xml"), "scan.jpg_page.xml");

        assertEquals("scan.jpg", page.imageName());
        assertEquals(2480, page.width());
        assertEquals(3508, page.height());
        assertEquals(List.of("r000", "r001"), page.regions().stream().map(TextRegion::id).toList());
        TextRegion second = page.regions().get(1);
        assertEquals(List.of("r001-l001", "r001-l002"), second.lines().stream().map(TextLine::id).toList());
        TextLine unread = second.lines().get(0);
        assertEquals("", unread.text());
        assertTrue(Double.isNaN(unread.confidence()), "no TextEquiv: confidence unknown");
        assertEquals(List.of(new Point(210, 1048), new Point(1200, 1049), new Point(2190, 1050)), unread.baseline());
        assertEquals(4, unread.polygon().points().size());
        TextLine read = second.lines().get(1);
        assertEquals("second line already read", read.text());
        assertEquals(0.912, read.confidence(), 1e-9);
    }

    @Test
    void readsPage2013WithoutHeaderNestedRegionsPointElementsAndTextEquivIndex() throws IOException {
        Page page = PageXmlReader.read(resource("page-2013-no-header.xml"), "letter.xml");

        assertEquals(List.of("cell1", "plain"), page.regions().stream().map(TextRegion::id).toList());
        TextLine line = page.regions().get(0).lines().get(0);
        assertEquals("Dear Sir", line.text(), "TextEquiv with the lowest index wins");
        assertEquals(0.75, line.confidence(), 1e-9);
        assertEquals("Dear", line.words().get(0).text());
        assertEquals(0.5, line.words().get(0).confidence(), 1e-9);
        TextLine pointLine = page.regions().get(1).lines().get(0);
        assertEquals(new Point(1000, 990), pointLine.polygon().points().get(2));
        assertEquals(List.of(), pointLine.baseline(), "no Baseline element");
    }

    @Test
    void acceptsByteOrderMarkAndLeadingWhitespace() {
        String xml = "\uFEFF \n<?xml version=\"1.0\"?><PcGts xmlns=\"" + PageXmlWriter.NAMESPACE + "\"><Page imageFilename=\"a.png\""
                + " imageWidth=\"10\" imageHeight=\"20\"/></PcGts>";
        assertEquals(new Page("a.png", 10, 20, List.of()), PageXmlReader.read(xml, "a.xml"));
    }

    @Test
    void readsDocumentsWithoutNamespace() {
        String xml = "<PcGts><Page imageFilename=\"a.png\" imageWidth=\"10\" imageHeight=\"20\"><TextRegion id=\"r\">"
                + "<Coords points=\"0,0 5,0 5,5\"/><TextLine id=\"l\"><Coords points=\"1,1 4,1 4,4\"/></TextLine>"
                + "</TextRegion></Page></PcGts>";
        assertEquals("l", PageXmlReader.read(xml, "a.xml").regions().get(0).lines().get(0).id());
    }

    @Test
    void acceptsDecimalAndNegativeCoordinatesOtherToolsWrite() {
        String xml = "<PcGts><Page imageFilename=\"a.png\" imageWidth=\"10\" imageHeight=\"20\"><TextRegion id=\"r\">"
                + "<Coords points=\"-1.5,0 5.25,0 5,5\"/></TextRegion></Page></PcGts>";
        assertEquals(new Point(-1.5, 0), PageXmlReader.read(xml, "a.xml").regions().get(0).polygon().points().get(0));
    }

    @Test
    void brokenInputGetsAnErrorNamingTheDocumentAndTheProblem() {
        assertError("scan.jpg_page.xml: not well-formed XML (line 1", "<PcGts><Page>");
        assertError("scan.jpg_page.xml: not a PAGE XML document (root element is <alto>",
                "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"/>");
        assertError("scan.jpg_page.xml: no Page element", "<PcGts/>");
        assertError("scan.jpg_page.xml: Page imageWidth='' is not a number", "<PcGts><Page imageFilename=\"a\"/></PcGts>");
        assertError("scan.jpg_page.xml: TextLine 'l7' Coords: bad point '3;4' (expected x,y)",
                "<PcGts><Page imageFilename=\"a\" imageWidth=\"1\" imageHeight=\"1\"><TextRegion id=\"r\"><Coords points=\"0,0 1,1\"/>"
                        + "<TextLine id=\"l7\"><Coords points=\"1,2 3;4\"/></TextLine></TextRegion></Page></PcGts>");
    }

    @Test
    void refusesDoctypesSoNoEntityCanReadLocalFiles() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE PcGts [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<PcGts><Page imageFilename=\"&x;\" imageWidth=\"1\" imageHeight=\"1\"/></PcGts>";
        PageXmlException e = assertThrows(PageXmlException.class, () -> PageXmlReader.read(xxe, "evil.xml"));
        assertTrue(e.getMessage().startsWith("evil.xml: not well-formed XML"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void readsTheGroundTruthPagesOfTheEvaluationSet() throws IOException {
        Path gt = Path.of(System.getProperty("pero.shared.dir", "../testdata"), "evaldata/public/dta_bebel_1879_0146.gt.xml");
        assertTrue(Files.isRegularFile(gt), "bundled evaluation data missing: " + gt);

        Page page = PageXmlReader.read(Files.readAllBytes(gt), gt.getFileName().toString());

        assertEquals(3068, page.width());
        assertEquals(50, page.regions().stream().mapToInt(r -> r.lines().size()).sum());
        assertEquals(List.of("r1", "r2", "r3", "r4", "r6"),
                page.regions().stream().map(TextRegion::id).toList().subList(0, 5));
        TextLine first = page.regions().get(0).lines().get(0);
        assertEquals("— 140 —", first.text());
        assertTrue(page.regions().stream().flatMap(r -> r.lines().stream()).allMatch(l -> l.polygon().points().size() >= 3));
    }

    private static void assertError(String expectedStart, String xml) {
        PageXmlException e = assertThrows(PageXmlException.class, () -> PageXmlReader.read(xml, "scan.jpg_page.xml"));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PageXmlReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
