package io.pero.ocr.xml;

import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.model.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads a PAGE XML document (namespaces 2010 to 2019, or none; with or without an XML declaration) into a
 * {@link Page}: what pero-ocr's layout stage emits and what an OCR stage needs to recognise the lines again.
 * <ul>
 *   <li>Every TextRegion of the page, nested ones (in tables, in other regions) included, with its own TextLines,
 *       sorted by the ReadingOrder; regions it does not list follow in document order.</li>
 *   <li>Coords as {@code points="x,y ..."} or as the 2010 {@code <Point x y>} children; Baseline; Word elements;
 *       TextEquiv (the one with the lowest {@code index}), its Unicode text and {@code conf}.</li>
 *   <li>A missing {@code conf} reads as NaN (unknown); a missing Baseline as an empty list (pero-ocr skips such
 *       lines; the engine may derive one from the outline); a missing id is generated.</li>
 * </ul>
 * DTDs and external entities are refused.
 */
public final class PageXmlReader {
    static final String NAMESPACE_PREFIX = "http://schema.primaresearch.org/PAGE/gts/pagecontent/";

    private PageXmlReader() {
    }

    /** @param source the document's name for error messages, e.g. {@code scan.jpg_page.xml} */
    public static Page read(String xml, String source) {
        return read(PageDom.source(xml), source);
    }

    public static Page read(byte[] xml, String source) {
        return read(PageDom.source(xml), source);
    }

    private static Page read(InputSource input, String source) {
        Document doc = PageDom.parse(input, source);
        Element root = doc.getDocumentElement();
        String ns = root.getNamespaceURI();
        if (!"PcGts".equals(root.getLocalName()) || (ns != null && !ns.startsWith(NAMESPACE_PREFIX))) {
            throw new PageXmlException(source, "not a PAGE XML document (root element is <" + root.getTagName()
                    + (ns == null ? "" : "> in namespace " + ns) + ">)");
        }
        Element page = PageDom.child(root, "Page")
                .orElseThrow(() -> new PageXmlException(source, "no Page element"));
        List<TextRegion> regions = new ArrayList<>();
        NodeList all = page.getElementsByTagNameNS(ns == null ? "*" : ns, "TextRegion");
        for (int i = 0; i < all.getLength(); i++) {
            regions.add(readRegion((Element) all.item(i), i, source));
        }
        List<String> order = PageDom.child(page, "ReadingOrder").map(ReadingOrderParser::regionOrder).orElse(List.of());
        return new Page(page.getAttribute("imageFilename"), intAttr(page, "imageWidth", source),
                intAttr(page, "imageHeight", source), inReadingOrder(regions, order));
    }

    private static TextRegion readRegion(Element e, int index, String source) {
        String id = idOr(e, "r" + (index + 1));
        List<TextLine> lines = new ArrayList<>();
        // Differs from the original: only the region's own lines; pero-ocr also takes nested regions' lines (twice).
        List<Element> lineElements = PageDom.children(e, "TextLine");
        for (int l = 0; l < lineElements.size(); l++) {
            lines.add(readLine(lineElements.get(l), id + "-l" + (l + 1), source));
        }
        return new TextRegion(id, coords(e, "TextRegion '" + id + "'", source), lines);
    }

    private static TextLine readLine(Element e, String fallbackId, String source) {
        // Differs from the original: a line without Baseline is kept (pero-ocr drops it); the engine derives one.
        String id = idOr(e, fallbackId);
        String where = "TextLine '" + id + "'";
        List<Point> baseline = PageDom.child(e, "Baseline")
                .map(b -> points(b, where + " Baseline", source)).orElse(List.of());
        List<Word> words = new ArrayList<>();
        for (Element w : PageDom.children(e, "Word")) {
            String wordWhere = "Word '" + idOr(w, "?") + "' of " + where;
            TextEquiv eq = textEquiv(w);
            words.add(new Word(eq.text(), coords(w, wordWhere, source), eq.conf()));
        }
        TextEquiv eq = textEquiv(e);
        return new TextLine(id, coords(e, where, source), baseline, eq.text(), eq.conf(), words);
    }

    private record TextEquiv(String text, double conf) {
    }

    private static TextEquiv textEquiv(Element parent) {
        Optional<Element> first = PageDom.children(parent, "TextEquiv").stream()
                .min(Comparator.comparingLong(PageXmlReader::equivIndex));
        if (first.isEmpty()) {
            return new TextEquiv("", Double.NaN);
        }
        String text = PageDom.child(first.get(), "Unicode").map(Element::getTextContent).orElse("");
        return new TextEquiv(text, conf(first.get().getAttribute("conf")));
    }

    private static long equivIndex(Element e) {
        try {
            return Long.parseLong(e.getAttribute("index").trim());
        } catch (NumberFormatException ex) {
            return Long.MAX_VALUE;
        }
    }

    private static double conf(String value) {
        try {
            return value.isBlank() ? Double.NaN : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Polygon coords(Element parent, String where, String source) {
        return PageDom.child(parent, "Coords").map(c -> new Polygon(points(c, where + " Coords", source)))
                .orElse(new Polygon(List.of()));
    }

    private static List<Point> points(Element e, String where, String source) {
        if (e.hasAttribute("points")) {
            try {
                return Points.parse(e.getAttribute("points"));
            } catch (IllegalArgumentException ex) {
                throw new PageXmlException(source, where + ": " + ex.getMessage());
            }
        }
        List<Point> pts = new ArrayList<>();
        for (Element p : PageDom.children(e, "Point")) {
            try {
                pts.add(new Point(Double.parseDouble(p.getAttribute("x")), Double.parseDouble(p.getAttribute("y"))));
            } catch (NumberFormatException ex) {
                throw new PageXmlException(source, where + ": bad Point x='" + p.getAttribute("x") + "' y='"
                        + p.getAttribute("y") + "'");
            }
        }
        return pts;
    }

    private static List<TextRegion> inReadingOrder(List<TextRegion> regions, List<String> order) {
        if (order.isEmpty()) {
            return regions;
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.putIfAbsent(order.get(i), i);
        }
        // List.sort is stable: regions the order does not name keep their document order, after the named ones.
        List<TextRegion> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparingInt(r -> position.getOrDefault(r.id(), Integer.MAX_VALUE)));
        return sorted;
    }

    private static String idOr(Element e, String fallback) {
        String id = e.getAttribute("id").strip();
        return id.isEmpty() ? fallback : id;
    }

    private static int intAttr(Element page, String name, String source) {
        String v = page.getAttribute(name).trim();
        try {
            return (int) Math.round(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            throw new PageXmlException(source, "Page " + name + "='" + v + "' is not a number");
        }
    }
}
