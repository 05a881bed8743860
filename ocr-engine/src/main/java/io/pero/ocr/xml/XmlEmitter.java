package io.pero.ocr.xml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming XML writer with two-space indentation and complete escaping. Unlike the JDK's StAX writer it
 * escapes tabs and line breaks in attribute values (which XML parsers would otherwise normalise to spaces) and
 * replaces characters XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD, so any recognised
 * or imported text yields a well-formed document.
 */
final class XmlEmitter {
    private final Writer out;
    private final Deque<String> open = new ArrayDeque<>();
    private boolean tagOpen;
    private boolean hasChildElements;

    XmlEmitter(Writer out) {
        this.out = out;
    }

    XmlEmitter declaration() {
        write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return this;
    }

    XmlEmitter start(String name) {
        closeStartTag();
        if (!open.isEmpty()) {
            write("\n");
        }
        indent(open.size());
        write("<" + name);
        open.push(name);
        tagOpen = true;
        hasChildElements = false;
        return this;
    }

    XmlEmitter attr(String name, String value) {
        if (!tagOpen) {
            throw new IllegalStateException("attribute " + name + " outside a start tag");
        }
        write(" " + name + "=\"" + escape(value, true) + "\"");
        return this;
    }

    XmlEmitter attr(String name, long value) {
        return attr(name, Long.toString(value));
    }

    /** Text content; an element with text keeps it on one line: {@code <Unicode>text</Unicode>}. */
    XmlEmitter text(String text) {
        closeStartTag();
        write(escape(text, false));
        return this;
    }

    /** Shorthand for {@code start(name).text(text).end()}. */
    XmlEmitter element(String name, String text) {
        return start(name).text(text).end();
    }

    XmlEmitter end() {
        String name = open.pop();
        if (tagOpen) {
            write("/>");
            tagOpen = false;
        } else {
            if (hasChildElements) {
                write("\n");
                indent(open.size());
            }
            write("</" + name + ">");
        }
        hasChildElements = true; // the parent now has a child element
        return this;
    }

    void finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        write("\n");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStartTag() {
        if (tagOpen) {
            write(">");
            tagOpen = false;
        }
    }

    private void indent(int depth) {
        write("  ".repeat(depth));
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (isXmlChar(c)) {
                        b.append(c);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean isXmlChar(char c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
