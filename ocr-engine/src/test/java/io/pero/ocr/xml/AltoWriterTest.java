package io.pero.ocr.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class AltoWriterTest {
    private final AltoWriter writer = new AltoWriter("test", TestPages.CLOCK);

    @Test
    void typicalPageIsValidAlto44WithBlocksLinesStringsAndSpaces() throws Exception {
        String xml = writer.toXml(TestPages.twoRegions());

        SchemaValidation.assertValid(SchemaValidation.ALTO, xml);
        Document doc = parse(xml);
        assertEquals("pixel", doc.getElementsByTagNameNS(AltoWriter.NAMESPACE, "MeasurementUnit").item(0).getTextContent());
        assertEquals("scan.jpg", doc.getElementsByTagNameNS(AltoWriter.NAMESPACE, "fileName").item(0).getTextContent());
        assertEquals(2, doc.getElementsByTagNameNS(AltoWriter.NAMESPACE, "TextBlock").getLength());
        Element line = (Element) doc.getElementsByTagNameNS(AltoWriter.NAMESPACE, "TextLine").item(2);
        assertEquals("100", line.getAttribute("HPOS"));
        assertEquals("270", line.getAttribute("VPOS"));
        assertEquals("50", line.getAttribute("HEIGHT"));
        assertEquals("100,310 600,310", line.getAttribute("BASELINE"));
        assertEquals(List.of("String:and", "SP", "String:the", "SP", "String:clocks", "SP", "String:struck", "SP", "String:13."),
                children(line));
        Element first = (Element) line.getElementsByTagNameNS(AltoWriter.NAMESPACE, "String").item(0);
        assertEquals("0.88", first.getAttribute("WC"));
        Element sp = (Element) line.getElementsByTagNameNS(AltoWriter.NAMESPACE, "SP").item(0);
        assertEquals("160", sp.getAttribute("HPOS"), "space starts where 'and' ends");
        assertEquals("20", sp.getAttribute("WIDTH"), "and spans the gap to 'the'");
    }

    @Test
    void printSpaceCoversAllBlocks() throws Exception {
        Element ps = (Element) parse(writer.toXml(TestPages.twoRegions()))
                .getElementsByTagNameNS(AltoWriter.NAMESPACE, "PrintSpace").item(0);
        assertEquals(List.of("100", "80", "800", "250"),
                List.of(ps.getAttribute("HPOS"), ps.getAttribute("VPOS"), ps.getAttribute("WIDTH"), ps.getAttribute("HEIGHT")));
    }

    @Test
    void emptyPageIsValid() {
        String xml = writer.toXml(new Page("blank.png", 800, 600, List.of()));
        SchemaValidation.assertValid(SchemaValidation.ALTO, xml);
        assertTrue(xml.contains("<PrintSpace HPOS=\"0\" VPOS=\"0\" WIDTH=\"800\" HEIGHT=\"600\"/>"), xml);
    }

    @Test
    void lineWithoutWordsIsSplitIntoStringsInsideTheLine() throws Exception {
        TextLine line = new TextLine("l1", Polygon.rectangle(100, 10, 190, 40), List.of(), "ab  cd e", 0.8, List.of());

        String xml = writer.toXml(TestPages.single(line));

        SchemaValidation.assertValid(SchemaValidation.ALTO, xml);
        Element el = (Element) parse(xml).getElementsByTagNameNS(AltoWriter.NAMESPACE, "TextLine").item(0);
        assertEquals(List.of("String:ab", "SP", "String:cd", "SP", "String:e"), children(el));
        NodeList strings = el.getElementsByTagNameNS(AltoWriter.NAMESPACE, "String");
        Element last = (Element) strings.item(2);
        assertEquals(190, Integer.parseInt(last.getAttribute("HPOS")) + Integer.parseInt(last.getAttribute("WIDTH")),
                "the last token ends at the line's right edge");
        assertEquals("0.80", last.getAttribute("WC"));
    }

    @Test
    void blankLinesAreLeftOutAndEmptyRegionsStayValid() {
        TextLine blank = new TextLine("l1", Polygon.rectangle(0, 0, 10, 10), List.of(), "  ", Double.NaN, List.of());
        String xml = writer.toXml(TestPages.single(blank));
        SchemaValidation.assertValid(SchemaValidation.ALTO, xml);
        assertFalse(xml.contains("<TextLine"));
    }

    @Test
    void specialCharactersInContentAreEscaped() throws Exception {
        TextLine line = TestPages.line("l1", 0, 0, "a&b <c> \"d\" 😀", 0.9);
        String xml = writer.toXml(TestPages.single(line));
        SchemaValidation.assertValid(SchemaValidation.ALTO, xml);
        List<String> contents = new ArrayList<>();
        NodeList strings = parse(xml).getElementsByTagNameNS(AltoWriter.NAMESPACE, "String");
        for (int i = 0; i < strings.getLength(); i++) {
            contents.add(((Element) strings.item(i)).getAttribute("CONTENT"));
        }
        assertEquals(List.of("a&b", "<c>", "\"d\"", "😀"), contents);
    }

    @Test
    void idsAreUniqueEvenWhenInputIdsCollide() {
        TextLine a = new TextLine("same", Polygon.rectangle(0, 0, 10, 10), List.of(new Point(0, 8), new Point(10, 8)),
                "x y", 0.5, List.of());
        Page page = new Page("1.png", 100, 100, List.of(
                new TextRegion("same", Polygon.rectangle(0, 0, 50, 50), List.of(a, a)),
                new TextRegion("same", Polygon.rectangle(0, 60, 50, 90), List.of(a))));
        String xml = writer.toXml(page);
        SchemaValidation.assertValid(SchemaValidation.ALTO, xml);
        List<String> ids = PageXmlWriterTest.allIds(xml);
        assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(new Locale("cs", "CZ"));
        try {
            String xml = writer.toXml(TestPages.twoRegions());
            assertTrue(xml.contains("WC=\"0.88\""), "no decimal comma");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> children(Element parent) {
        List<String> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e.getLocalName().equals("String") ? "String:" + e.getAttribute("CONTENT") : e.getLocalName());
            }
        }
        return out;
    }
}
