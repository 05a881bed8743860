package io.pero.ocr.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {
    private final CharDictionary dictionary = new CharDictionary(List.of("", "a", "b", " "));

    @Test
    void repeatsCollapseBlanksSeparateAndStepsAreKept() {
        int[] best = {1, 1, 0, 1, 2, 2, 0, 3, 0, 2};
        float[] p = {0.9f, 0.7f, 0.99f, 0.8f, 0.6f, 0.95f, 0.99f, 0.9f, 0.99f, 0.5f};
        List<CharSpan> chars = CtcDecoder.decode(best, p, dictionary);
        assertEquals(List.of(new CharSpan("a", 0, 1, 0.9f), new CharSpan("a", 3, 3, 0.8f),
                new CharSpan("b", 4, 5, 0.95f), new CharSpan(" ", 7, 7, 0.9f), new CharSpan("b", 9, 9, 0.5f)), chars);
        LineReading reading = new LineReading(chars, 10, 80, 80);
        assertEquals("aab b", reading.text());
    }
}
