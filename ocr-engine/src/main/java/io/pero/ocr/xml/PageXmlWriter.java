package io.pero.ocr.xml;

import io.pero.ocr.model.Page;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.model.Word;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes a {@link Page} as PAGE XML 2019-07-15, the version pero-ocr writes: Metadata, Page with image name and size,
 * a ReadingOrder listing the regions in order, and TextRegion / TextLine (Coords, Baseline, Word, TextEquiv with
 * {@code conf}) in that order. The output validates against {@code pagecontent-2019-07-15.xsd} for any page:
 * ids are repaired to unique NCNames ({@link XmlIds}), coordinates become whole non-negative pixels, missing outlines
 * fall back to the bounding box of what they contain, and confidences are clamped to [0,1]. A confidence that is
 * NaN (unknown, e.g. a line imported without {@code conf}) is left out.
 */
public final class PageXmlWriter {
    public static final String NAMESPACE = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15";
    static final String SCHEMA_LOCATION = NAMESPACE + " " + NAMESPACE + "/pagecontent.xsd";
    // Differs from the original: the creator names this implementation, not "Pero OCR".
    public static final String DEFAULT_CREATOR = "pero-worker-jvm ocr-engine";
    private static final String READING_ORDER_ID = "reading_order";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

    private final String creator;
    private final Clock clock;

    public PageXmlWriter() {
        this(DEFAULT_CREATOR, Clock.systemUTC());
    }

    public PageXmlWriter(String creator, Clock clock) {
        this.creator = creator;
        this.clock = clock;
    }

    /** The document as UTF-8 bytes. */
    public byte[] write(Page page) {
        return toXml(page).getBytes(StandardCharsets.UTF_8);
    }

    public String toXml(Page page) {
        StringWriter out = new StringWriter(8192);
        XmlEmitter x = new XmlEmitter(out).declaration();
        x.start("PcGts").attr("xmlns", NAMESPACE)
                .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
                .attr("xsi:schemaLocation", SCHEMA_LOCATION);
        writeMetadata(x);
        x.start("Page").attr("imageFilename", Objects.requireNonNullElse(page.imageName(), ""))
                .attr("imageWidth", page.width()).attr("imageHeight", page.height());
        XmlIds ids = new XmlIds();
        // Region ids first: the ReadingOrder, which precedes the regions, refers to them.
        String groupId = ids.claim(READING_ORDER_ID, READING_ORDER_ID);
        List<String> regionIds = new ArrayList<>();
        for (int r = 0; r < page.regions().size(); r++) {
            regionIds.add(ids.claim(page.regions().get(r).id(), "r" + (r + 1)));
        }
        writeReadingOrder(x, groupId, regionIds);
        for (int r = 0; r < page.regions().size(); r++) {
            writeRegion(x, ids, page.regions().get(r), regionIds.get(r));
        }
        x.end().end().finish();
        return out.toString();
    }

    private void writeMetadata(XmlEmitter x) {
        String now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).format(TIMESTAMP);
        x.start("Metadata").element("Creator", creator).element("Created", now).element("LastChange", now).end();
    }

    /** Left out for a page without regions: the schema wants at least one member in an OrderedGroup. */
    private static void writeReadingOrder(XmlEmitter x, String groupId, List<String> regionIds) {
        if (regionIds.isEmpty()) {
            return;
        }
        x.start("ReadingOrder").start("OrderedGroup").attr("id", groupId);
        for (int i = 0; i < regionIds.size(); i++) {
            x.start("RegionRefIndexed").attr("index", i).attr("regionRef", regionIds.get(i)).end();
        }
        x.end().end();
    }

    private void writeRegion(XmlEmitter x, XmlIds ids, TextRegion region, String regionId) {
        x.start("TextRegion").attr("id", regionId);
        coords(x, outline(region.polygon(),
                () -> Box.unionOf(region.lines().stream().map(PageXmlWriter::lineBox).toList())));
        for (int l = 0; l < region.lines().size(); l++) {
            writeLine(x, ids, region.lines().get(l), regionId + "-l" + (l + 1), l);
        }
        x.end();
    }

    private void writeLine(XmlEmitter x, XmlIds ids, TextLine line, String fallbackId, int index) {
        String lineId = ids.claim(line.id(), fallbackId);
        x.start("TextLine").attr("id", lineId).attr("index", index);
        coords(x, outline(line.polygon(), () -> lineBox(line)));
        if (!line.baseline().isEmpty()) {
            x.start("Baseline").attr("points", Points.format(line.baseline())).end();
        }
        for (int w = 0; w < line.words().size(); w++) {
            Word word = line.words().get(w);
            x.start("Word").attr("id", ids.claim(null, lineId + "-w" + (w + 1)));
            coords(x, outline(word.polygon(), Optional::empty));
            textEquiv(x, word.text(), word.confidence());
            x.end();
        }
        if (!line.text().isEmpty() || !Double.isNaN(line.confidence())) {
            textEquiv(x, line.text(), line.confidence());
        }
        x.end();
    }

    private static void textEquiv(XmlEmitter x, String text, double confidence) {
        x.start("TextEquiv");
        if (!Double.isNaN(confidence)) {
            x.attr("conf", Points.confidence(confidence, 3));
        }
        x.element("Unicode", text == null ? "" : text).end();
    }

    private static void coords(XmlEmitter x, Polygon outline) {
        x.start("Coords").attr("points", Points.format(outline.points())).end();
    }

    /** The polygon itself, else the fallback box, else a zero-size box at the origin (Coords is mandatory). */
    private static Polygon outline(Polygon polygon, Supplier<Optional<Box>> fallback) {
        if (polygon != null && !polygon.points().isEmpty()) {
            return polygon;
        }
        return fallback.get().orElse(new Box(0, 0, 0, 0)).toPolygon();
    }

    static Optional<Box> lineBox(TextLine line) {
        Optional<Box> own = Box.of(line.polygon());
        if (own.isPresent()) {
            return own;
        }
        List<Optional<Box>> parts = new ArrayList<>(line.words().stream().map(w -> Box.of(w.polygon())).toList());
        parts.add(Box.of(line.baseline()));
        return Box.unionOf(parts);
    }

}
