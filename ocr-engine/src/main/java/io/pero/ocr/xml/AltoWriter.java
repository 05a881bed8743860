package io.pero.ocr.xml;

import io.pero.ocr.model.Page;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.model.Word;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a {@link Page} as ALTO 4.4 in pixel units: Description (MeasurementUnit, source image, processing step),
 * then Layout / Page / PrintSpace / TextBlock (one per region, in reading order) / TextLine (box and BASELINE point
 * list) / String (CONTENT, WC, box) with an SP between neighbouring words.
 * <p>Like pero-ocr's ALTO export, lines with blank text are left out (an ALTO TextLine needs at least one String).
 * A line that has text but no words gets one String per whitespace-separated token, spread over the line's box in
 * proportion to token length, with the line's confidence. Output validates against {@code alto-4-4.xsd}.
 */
public final class AltoWriter {
    public static final String NAMESPACE = "http://www.loc.gov/standards/alto/ns-v4#";
    static final String SCHEMA_LOCATION = NAMESPACE + " http://www.loc.gov/alto/v4/alto-4-4.xsd";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private final String software;
    private final Clock clock;

    public AltoWriter() {
        this(PageXmlWriter.DEFAULT_CREATOR, Clock.systemUTC());
    }

    public AltoWriter(String software, Clock clock) {
        this.software = software;
        this.clock = clock;
    }

    public byte[] write(Page page) {
        return toXml(page).getBytes(StandardCharsets.UTF_8);
    }

    public String toXml(Page page) {
        StringWriter out = new StringWriter(8192);
        XmlEmitter x = new XmlEmitter(out).declaration();
        x.start("alto").attr("xmlns", NAMESPACE)
                .attr("xmlns:xlink", "http://www.w3.org/1999/xlink")
                .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
                .attr("xsi:schemaLocation", SCHEMA_LOCATION)
                .attr("SCHEMAVERSION", "4.4");
        XmlIds ids = new XmlIds();
        writeDescription(x, ids, page);
        x.start("Layout");
        x.start("Page").attr("ID", ids.claim("page_" + Objects.requireNonNullElse(page.imageName(), ""), "page"))
                .attr("PHYSICAL_IMG_NR", 1).attr("WIDTH", page.width()).attr("HEIGHT", page.height());
        List<Optional<Box>> regionBoxes = page.regions().stream().map(AltoWriter::regionBox).toList();
        Box printSpace = Box.unionOf(regionBoxes).orElse(new Box(0, 0, page.width(), page.height()));
        x.start("PrintSpace");
        box(x, printSpace);
        for (int r = 0; r < page.regions().size(); r++) {
            writeBlock(x, ids, page.regions().get(r), regionBoxes.get(r).orElse(new Box(0, 0, 0, 0)), r);
        }
        x.end().end().end().end().finish();
        return out.toString();
    }

    private void writeDescription(XmlEmitter x, XmlIds ids, Page page) {
        x.start("Description").element("MeasurementUnit", "pixel");
        x.start("sourceImageInformation").element("fileName", Objects.requireNonNullElse(page.imageName(), "")).end();
        x.start("Processing").attr("ID", ids.claim("ocr_processing", "ocr_processing"))
                .element("processingCategory", "contentGeneration")
                .element("processingDateTime", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).format(TIMESTAMP))
                .start("processingSoftware").element("softwareName", software).end()
                .end();
        x.end();
    }

    private static void writeBlock(XmlEmitter x, XmlIds ids, TextRegion region, Box box, int index) {
        x.start("TextBlock").attr("ID", ids.claim("block_" + nonNull(region.id(), "r" + (index + 1)), "block"));
        box(x, box);
        for (int l = 0; l < region.lines().size(); l++) {
            TextLine line = region.lines().get(l);
            if (!line.text().isBlank()) {
                writeLine(x, ids, line, "line_" + nonNull(line.id(), "r" + (index + 1) + "-l" + (l + 1)));
            }
        }
        x.end();
    }

    private static void writeLine(XmlEmitter x, XmlIds ids, TextLine line, String wantedId) {
        String lineId = ids.claim(wantedId, "line");
        Box lineBox = PageXmlWriter.lineBox(line).orElse(new Box(0, 0, 0, 0));
        x.start("TextLine").attr("ID", lineId);
        box(x, lineBox);
        if (!line.baseline().isEmpty()) {
            x.attr("BASELINE", Points.format(line.baseline()));
        }
        List<Word> words = line.words().stream().filter(w -> w.text() != null && !w.text().isBlank()).toList();
        if (words.isEmpty()) {
            words = WordSplitter.split(line.text(), lineBox, line.confidence());
        }
        for (int w = 0; w < words.size(); w++) {
            Word word = words.get(w);
            Box wordBox = Box.of(word.polygon()).orElse(lineBox);
            x.start("String").attr("ID", ids.claim(lineId + "_w" + (w + 1), "string")).attr("CONTENT", word.text());
            if (!Double.isNaN(word.confidence())) {
                x.attr("WC", Points.confidence(word.confidence(), 2));
            }
            box(x, wordBox);
            x.end();
            if (w + 1 < words.size()) {
                Box next = Box.of(words.get(w + 1).polygon()).orElse(lineBox);
                x.start("SP").attr("WIDTH", Math.max(0, next.x0() - wordBox.x1()))
                        .attr("HPOS", wordBox.x1()).attr("VPOS", wordBox.y0()).end();
            }
        }
        x.end();
    }

    private static void box(XmlEmitter x, Box b) {
        x.attr("HPOS", b.x0()).attr("VPOS", b.y0()).attr("WIDTH", b.width()).attr("HEIGHT", b.height());
    }

    static Optional<Box> regionBox(TextRegion region) {
        Optional<Box> own = Box.of(region.polygon());
        return own.isPresent() ? own : Box.unionOf(region.lines().stream().map(PageXmlWriter::lineBox).toList());
    }

    private static String nonNull(String id, String fallback) {
        return id == null || id.isBlank() ? fallback : id;
    }
}
