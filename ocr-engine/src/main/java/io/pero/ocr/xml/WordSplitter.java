package io.pero.ocr.xml;

import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Words for a line that has text but no word boxes (e.g. text imported from a PAGE XML without Word elements):
 * one per whitespace-separated token, each given a share of the line's width proportional to its length, counting
 * one character for every gap. A rough layout, but it keeps ALTO's String boxes inside the line and in order.
 */
final class WordSplitter {
    private WordSplitter() {
    }

    static List<Word> split(String text, Box line, double confidence) {
        String[] tokens = text.strip().split("\\s+");
        int totalChars = tokens.length - 1;
        for (String t : tokens) {
            totalChars += t.codePointCount(0, t.length());
        }
        double perChar = totalChars == 0 ? 0 : (double) line.width() / totalChars;
        List<Word> words = new ArrayList<>(tokens.length);
        int offset = 0;
        for (String t : tokens) {
            int len = t.codePointCount(0, t.length());
            double x0 = line.x0() + offset * perChar;
            double x1 = line.x0() + (offset + len) * perChar;
            words.add(new Word(t, Polygon.rectangle(x0, line.y0(), x1, line.y1()), confidence));
            offset += len + 1;
        }
        return words;
    }
}
