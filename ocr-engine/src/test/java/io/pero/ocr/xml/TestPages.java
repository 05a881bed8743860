package io.pero.ocr.xml;

import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.model.Word;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Test data: pages with whole-pixel geometry, so that PAGE XML (integer points) round-trips them exactly. */
final class TestPages {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:13:34.123Z"), ZoneOffset.UTC);

    private TestPages() {
    }

    /** Two regions (a heading, a two-line paragraph); every line has words, a baseline and a confidence. */
    static Page twoRegions() {
        TextRegion heading = new TextRegion("r1", Polygon.rectangle(100, 80, 900, 140),
                List.of(line("r1-l1", 100, 80, "Chapter One", 0.97)));
        TextRegion body = new TextRegion("r2", Polygon.rectangle(100, 200, 900, 330), List.of(
                line("r2-l1", 100, 200, "It was a bright cold day", 0.91),
                line("r2-l2", 100, 270, "and the clocks struck 13.", 0.875)));
        return new Page("scan.jpg", 1000, 1400, List.of(heading, body));
    }

    /** A line 50 px high whose words are laid out 20 px per character with one character of gap. */
    static TextLine line(String id, int x, int y, String text, double conf) {
        List<Word> words = new ArrayList<>();
        int cursor = x;
        for (String token : text.split(" ")) {
            int width = token.length() * 20;
            words.add(new Word(token, Polygon.rectangle(cursor, y, cursor + width, y + 50), conf));
            cursor += width + 20;
        }
        return new TextLine(id, Polygon.rectangle(x, y, cursor - 20, y + 50),
                List.of(new Point(x, y + 40), new Point(cursor - 20, y + 40)), text, conf, words);
    }

    static Page single(TextLine line) {
        return new Page("scan.png", 2000, 1000,
                List.of(new TextRegion("r1", Polygon.rectangle(0, 0, 2000, 1000), List.of(line))));
    }
}
