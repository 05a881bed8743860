package io.pero.ocr.recognize;

import io.pero.ocr.detect.Quad;
import io.pero.ocr.model.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Words of a recognised line with outlines from the CTC time steps: a word spans from its first character's first
 * step to its last character's last step, mapped through the line's quad (so rotated lines get rotated word boxes).
 */
public final class WordBuilder {
    private WordBuilder() {
    }

    public static List<Word> words(LineReading reading, Quad quad) {
        List<Word> words = new ArrayList<>();
        for (Span span : spans(reading)) {
            words.add(new Word(span.text(), quad.slice(span.from(), span.to()).toPolygon(), span.confidence()));
        }
        return words;
    }

    /** A word's text, its extent along the line as fractions of the line's length, and its mean confidence. */
    public record Span(String text, double from, double to, double confidence) {
    }

    /** The words of a reading, each with where it lies along the line. */
    public static List<Span> spans(LineReading reading) {
        List<Span> spans = new ArrayList<>();
        List<CharSpan> current = new ArrayList<>();
        for (CharSpan c : reading.chars()) {
            if (c.isSpace()) {
                flush(current, reading, spans);
            } else {
                current.add(c);
            }
        }
        flush(current, reading, spans);
        return spans;
    }

    private static void flush(List<CharSpan> chars, LineReading reading, List<Span> spans) {
        if (chars.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        double probability = 0;
        for (CharSpan c : chars) {
            text.append(c.text());
            probability += c.probability();
        }
        // A character's steps mark its centre rather than its extent, so widen by half a step on each side.
        double u0 = reading.stepToFraction(chars.get(0).firstStep() - 0.5);
        double u1 = reading.stepToFraction(chars.get(chars.size() - 1).lastStep() + 1.5);
        spans.add(new Span(text.toString(), u0, Math.max(u1, u0), probability / chars.size()));
        chars.clear();
    }
}
