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
        List<CharSpan> current = new ArrayList<>();
        for (CharSpan c : reading.chars()) {
            if (c.isSpace()) {
                flush(current, reading, quad, words);
            } else {
                current.add(c);
            }
        }
        flush(current, reading, quad, words);
        return words;
    }

    private static void flush(List<CharSpan> chars, LineReading reading, Quad quad, List<Word> words) {
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
        words.add(new Word(text.toString(), quad.slice(u0, Math.max(u1, u0)).toPolygon(), probability / chars.size()));
        chars.clear();
    }
}
