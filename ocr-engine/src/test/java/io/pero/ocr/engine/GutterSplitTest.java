package io.pero.ocr.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.ocr.detect.Quad;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.Word;
import io.pero.ocr.recognize.CharSpan;
import io.pero.ocr.recognize.LineReading;
import io.pero.ocr.recognize.WordBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GutterSplitTest {
    /** "left col" + gutter + "right col": one character per two time steps, 100 steps over a 1000-pixel line. */
    private static RecognizedFragment bridged() {
        List<CharSpan> chars = new ArrayList<>();
        String left = "left col";
        String right = "right col";
        for (int i = 0; i < left.length(); i++) {
            chars.add(new CharSpan(String.valueOf(left.charAt(i)), 2 * i, 2 * i, 0.9));
        }
        chars.add(new CharSpan(" ", 30, 30, 0.9));
        for (int i = 0; i < right.length(); i++) {
            chars.add(new CharSpan(String.valueOf(right.charAt(i)), 60 + 2 * i, 60 + 2 * i, 0.9));
        }
        LineReading reading = new LineReading(chars, 100, 1000, 1000);
        return new RecognizedFragment(new Quad(0, 0, 1000, 0, 1000, 30, 0, 30), reading);
    }

    @Test
    void eachPieceKeepsItsOwnWordsWhereTheyWere() {
        RecognizedFragment line = bridged();
        List<Word> before = WordBuilder.words(line.reading(), line.quad());
        List<RecognizedFragment> pieces = GutterSplit.cut(line, List.of(new double[] {0.2, 0.55}));
        assertEquals(2, pieces.size());
        assertEquals("left col", pieces.get(0).text());
        assertEquals("right col", pieces.get(1).text());
        assertEquals(0, pieces.get(0).quad().minX(), 1e-6);
        assertEquals(200, pieces.get(0).quad().maxX(), 1e-6);
        assertEquals(550, pieces.get(1).quad().minX(), 1e-6);
        assertEquals(1000, pieces.get(1).quad().maxX(), 1e-6);
        List<Word> after = new ArrayList<>(WordBuilder.words(pieces.get(0).reading(), pieces.get(0).quad()));
        after.addAll(WordBuilder.words(pieces.get(1).reading(), pieces.get(1).quad()));
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).text(), after.get(i).text());
            assertEquals(minX(before.get(i)), minX(after.get(i)), 10, before.get(i).text());
            assertEquals(maxX(before.get(i)), maxX(after.get(i)), 10, before.get(i).text());
        }
    }

    @Test
    void noCutsLeavesTheLineAsItIs() {
        RecognizedFragment line = bridged();
        assertEquals(List.of(line), GutterSplit.cut(line, List.of()));
    }

    private static double minX(Word w) {
        return w.polygon().points().stream().mapToDouble(Point::x).min().orElseThrow();
    }

    private static double maxX(Word w) {
        return w.polygon().points().stream().mapToDouble(Point::x).max().orElseThrow();
    }
}
