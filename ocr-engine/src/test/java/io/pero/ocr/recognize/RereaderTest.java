package io.pero.ocr.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class RereaderTest {

    private static LineReading reading(String text, double confidence) {
        List<CharSpan> chars = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            chars.add(new CharSpan(text.substring(i, i + 1), 2 * i, 2 * i, confidence));
        }
        return new LineReading(chars, 40, 320, 320);
    }

    @Test
    void onlyLinesBelowTheUnsureConfidenceAreReadAgain() {
        List<LineReading> readings = List.of(reading("clean", 0.99), reading("b1urred", 0.6),
                reading("edge", Rereader.UNSURE_BELOW), reading("", 0));
        assertEquals(List.of(1, 3), Rereader.unsure(readings));
    }

    @Test
    void theMoreConfidentReadingIsKept() {
        LineReading narrow = reading("rnodern", 0.7);
        LineReading wide = reading("modern", 0.93);
        assertSame(wide, Rereader.moreConfident(narrow, wide));
        assertSame(wide, Rereader.moreConfident(wide, narrow));
    }

    @Test
    void onATieTheFirstReadingStays() {
        LineReading first = reading("same", 0.8);
        LineReading second = reading("sane", 0.8);
        assertSame(first, Rereader.moreConfident(first, second));
    }
}
