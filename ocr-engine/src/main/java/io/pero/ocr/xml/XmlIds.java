package io.pero.ocr.xml;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out the {@code xsd:ID} values of one document: each is a valid NCName and unique in the document.
 * A wanted id that is already valid and unused is kept as it is, so ids read from an input PAGE XML survive;
 * anything else is repaired (characters other than ASCII letters, digits, {@code _ - .} become {@code _}, a leading digit gets the prefix {@code id_},
 * as pero-ocr's {@code export_id} does) and numbered on collision ({@code r1}, {@code r1_2}, ...).
 */
final class XmlIds {
    private final Set<String> used = new HashSet<>();

    String claim(String wanted, String fallback) {
        String base = wanted == null || wanted.isBlank() ? fallback : toNcName(wanted.strip());
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    static String toNcName(String s) {
        StringBuilder b = new StringBuilder(s.length() + 3);
        s.codePoints().forEach(cp -> b.appendCodePoint(isNameChar(cp) ? cp : '_'));
        int first = b.codePointAt(0);
        if (!isNameStart(first)) {
            b.insert(0, "id_");
        }
        return b.toString();
    }

    // ASCII only: every XML parser's NCName tables agree on it (edition 4 and 5 differ beyond it).
    static boolean isNameStart(int c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isNameChar(int c) {
        return isNameStart(c) || c == '-' || c == '.' || (c >= '0' && c <= '9');
    }
}
