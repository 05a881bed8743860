package io.pero.ocr.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.model.Word;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PageXmlWriterTest {
    private final PageXmlWriter writer = new PageXmlWriter("test", TestPages.CLOCK);

    @Test
    void typicalPageIsValidPage2019WithReadingOrderAndConfidences() {
        String xml = writer.toXml(TestPages.twoRegions());

        SchemaValidation.assertValid(SchemaValidation.PAGE, xml);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PcGts xmlns=\"" + PageXmlWriter.NAMESPACE + "\""));
        assertTrue(xml.contains("<Page imageFilename=\"scan.jpg\" imageWidth=\"1000\" imageHeight=\"1400\">"));
        assertTrue(xml.contains("<Created>2026-11-25T15:13:34.123+00:00</Created>"));
        assertTrue(xml.contains("<RegionRefIndexed index=\"0\" regionRef=\"r1\"/>"));
        assertTrue(xml.contains("<RegionRefIndexed index=\"1\" regionRef=\"r2\"/>"));
        assertTrue(xml.contains("<Baseline points=\"100,240 580,240\"/>"), xml);
        assertTrue(xml.contains("<TextEquiv conf=\"0.875\">\n"), "line conf with 3 decimals");
        assertTrue(xml.contains("<Unicode>and the clocks struck 13.</Unicode>"));
        assertTrue(xml.contains("<Word id=\"r2-l2-w1\">"));
    }

    @Test
    void emptyPageIsValidAndHasNoReadingOrder() {
        String xml = writer.toXml(new Page("blank.png", 800, 600, List.of()));

        SchemaValidation.assertValid(SchemaValidation.PAGE, xml);
        assertFalse(xml.contains("ReadingOrder"), "an OrderedGroup must have at least one member");
    }

    @Test
    void specialCharactersAreEscapedAndSurviveParsing() {
        String text = "Tom & \"Jerry\" <b>'s' \t café 😀 ‮RTL";
        Page page = TestPages.single(new TextLine("l1", Polygon.rectangle(10, 10, 500, 60), List.of(),
                text, 0.5, List.of(new Word("&<>\"", Polygon.rectangle(10, 10, 50, 60), 0.5))));
        Page named = new Page("a&b <\"scan\">.jpg", page.width(), page.height(), page.regions());

        String xml = writer.toXml(named);

        SchemaValidation.assertValid(SchemaValidation.PAGE, xml);
        Page back = PageXmlReader.read(xml, "test");
        assertEquals("a&b <\"scan\">.jpg", back.imageName());
        assertEquals(text, back.regions().get(0).lines().get(0).text());
        assertEquals("&<>\"", back.regions().get(0).lines().get(0).words().get(0).text());
    }

    @Test
    void charactersXmlCannotCarryAreReplacedNotFatal() {
        Page page = TestPages.single(new TextLine("l1", Polygon.rectangle(0, 0, 10, 10), List.of(),
                "bell\u0007 and lone \uD800 surrogate", 0.5, List.of()));

        String xml = writer.toXml(page);

        SchemaValidation.assertValid(SchemaValidation.PAGE, xml);
        assertEquals("bell\uFFFD and lone \uFFFD surrogate", PageXmlReader.read(xml, "t").regions().get(0).lines().get(0).text());
    }

    @Test
    void lineWithoutWordsAndWithoutBaselineIsValid() {
        Page page = TestPages.single(new TextLine("l1", Polygon.rectangle(5, 5, 300, 40), List.of(), "no words here", 0.8,
                List.of()));

        String xml = writer.toXml(page);

        SchemaValidation.assertValid(SchemaValidation.PAGE, xml);
        assertFalse(xml.contains("<Word"));
        assertFalse(xml.contains("<Baseline"));
    }

    @Test
    void layoutOnlyLineWithUnknownConfidenceHasNoTextEquiv() {
        Page page = TestPages.single(new TextLine("l1", Polygon.rectangle(5, 5, 300, 40),
                List.of(new Point(5, 35), new Point(300, 35)), "", Double.NaN, List.of()));

        String xml = writer.toXml(page);

        SchemaValidation.assertValid(SchemaValidation.PAGE, xml);
        assertFalse(xml.contains("TextEquiv"));
    }

    @Test
    void invalidAndDuplicateIdsAreRepairedToUniqueNcNames() {
        TextLine a = new TextLine("1 line", Polygon.rectangle(0, 0, 10, 10), List.of(), "a", 0.5, List.of());
        TextLine b = new TextLine("1 line", Polygon.rectangle(0, 20, 10, 30), List.of(), "b", 0.5, List.of());
        TextLine c = new TextLine(null, Polygon.rectangle(0, 40, 10, 50), List.of(), "c", 0.5, List.of());
        Page page = new Page("x.png", 100, 100, List.of(
                new TextRegion("reading_order", Polygon.rectangle(0, 0, 50, 50), List.of(a, b, c)),
                new TextRegion("ns:colon", Polygon.rectangle(0, 60, 50, 90), List.of())));

        String xml = writer.toXml(page);

        SchemaValidation.assertValid(SchemaValidation.PAGE, xml);
        List<String> ids = allIds(xml);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids unique: " + ids);
        assertTrue(ids.containsAll(List.of("id_1_line", "id_1_line_2", "ns_colon")), ids.toString());
        Matcher ref = Pattern.compile("regionRef=\"([^\"]+)\"").matcher(xml);
        Set<String> refs = new HashSet<>();
        while (ref.find()) {
            refs.add(ref.group(1));
        }
        assertTrue(ids.containsAll(refs), "every regionRef names a region: " + refs);
    }

    @Test
    void degenerateGeometryStillGivesSchemaValidPoints() {
        TextLine noOutline = new TextLine("l1", new Polygon(List.of()), List.of(new Point(-5, 30.6)), "x", 1.7,
                List.of(new Word("x", new Polygon(List.of(new Point(3.4, 4.5))), -0.2)));
        Page page = new Page("x.png", 100, 100, List.of(new TextRegion("r1", new Polygon(List.of()), List.of(noOutline))));

        String xml = writer.toXml(page);

        SchemaValidation.assertValid(SchemaValidation.PAGE, xml);
        assertTrue(xml.contains("<Baseline points=\"0,31 0,31\"/>"), "single point repeated, negative clamped: " + xml);
        assertTrue(xml.contains("conf=\"1.000\"") && xml.contains("conf=\"0.000\""), "confidences clamped");
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String xml = writer.toXml(TestPages.twoRegions());
            assertTrue(xml.contains("conf=\"0.875\""), "no decimal comma");
            SchemaValidation.assertValid(SchemaValidation.PAGE, xml);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void bytesAreUtf8() {
        Page page = TestPages.single(TestPages.line("l1", 0, 0, "Žluťoučký kůň", 0.9));
        String decoded = new String(writer.write(page), StandardCharsets.UTF_8);
        assertTrue(decoded.contains("<Unicode>Žluťoučký kůň</Unicode>"));
    }

    static List<String> allIds(String xml) {
        Matcher m = Pattern.compile(" (?:id|ID)=\"([^\"]+)\"").matcher(xml);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
