package io.pero.ocr.xml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Flattens a PAGE ReadingOrder into the list of region ids in reading order. Ordered groups are sorted by their
 * members' {@code index}, unordered groups keep document order, nested groups are expanded where they stand.
 */
final class ReadingOrderParser {
    private ReadingOrderParser() {
    }

    static List<String> regionOrder(Element readingOrder) {
        List<String> order = new ArrayList<>();
        for (Element group : PageDom.children(readingOrder)) {
            expand(group, order);
        }
        return order;
    }

    private static void expand(Element e, List<String> order) {
        String name = e.getLocalName();
        if (name.equals("RegionRefIndexed") || name.equals("RegionRef")) {
            String ref = e.getAttribute("regionRef");
            if (!ref.isEmpty()) {
                order.add(ref);
            }
            return;
        }
        if (!name.endsWith("Group") && !name.endsWith("GroupIndexed")) {
            return; // Labels, UserDefined
        }
        List<Element> members = PageDom.children(e);
        if (name.startsWith("Ordered")) {
            members = members.stream().sorted(Comparator.comparingInt(ReadingOrderParser::index)).toList();
        }
        for (Element member : members) {
            expand(member, order);
        }
    }

    private static int index(Element e) {
        try {
            return Integer.parseInt(e.getAttribute("index").trim());
        } catch (NumberFormatException ex) {
            return Integer.MAX_VALUE;
        }
    }
}
