package io.pero.ocr.engine;

import io.pero.ocr.detect.Quad;
import io.pero.ocr.layout.LayoutAnalyzer;
import io.pero.ocr.recognize.CharSpan;
import io.pero.ocr.recognize.LineReading;
import io.pero.ocr.recognize.WordBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts recognised lines that the detector ran across a column gutter into one piece per column, at the word gaps the
 * layout names ({@link LayoutAnalyzer#gutterCuts}). Each piece keeps its own characters, with time steps shifted so
 * that its words still map onto its own part of the line.
 */
final class GutterSplit {
    private GutterSplit() {
    }

    static List<RecognizedFragment> apply(List<RecognizedFragment> fragments, LayoutAnalyzer layout) {
        List<Quad> quads = new ArrayList<>();
        List<List<double[]>> gaps = new ArrayList<>();
        for (RecognizedFragment f : fragments) {
            quads.add(f.quad());
            gaps.add(wordGaps(f));
        }
        List<List<double[]>> cuts = layout.gutterCuts(quads, gaps);
        List<RecognizedFragment> out = new ArrayList<>();
        for (int i = 0; i < fragments.size(); i++) {
            out.addAll(cut(fragments.get(i), cuts.get(i)));
        }
        return out;
    }

    /** The gaps between neighbouring words, as fractions of the line's length. */
    private static List<double[]> wordGaps(RecognizedFragment f) {
        List<WordBuilder.Span> words = WordBuilder.spans(f.reading());
        List<double[]> gaps = new ArrayList<>();
        for (int k = 0; k + 1 < words.size(); k++) {
            double end = words.get(k).to();
            double start = words.get(k + 1).from();
            if (start > end) {
                gaps.add(new double[] {end, start});
            }
        }
        return gaps;
    }

    /** @param cuts the gaps to cut at, {from, to} fractions of the line: one piece ends at from, the next starts at to */
    static List<RecognizedFragment> cut(RecognizedFragment f, List<double[]> cuts) {
        if (cuts.isEmpty()) {
            return List.of(f);
        }
        LineReading reading = f.reading();
        // One time step as a fraction of the line: pieces start on whole steps so the characters' steps shift exactly.
        double step = reading.stepToFraction(1) - reading.stepToFraction(0);
        List<RecognizedFragment> pieces = new ArrayList<>();
        double start = 0;
        List<double[]> ends = new ArrayList<>(cuts);
        ends.add(new double[] {1, 1});
        for (double[] gap : ends) {
            int firstStep = (int) Math.floor(start / step);
            double middle = (gap[0] + gap[1]) / 2;
            List<CharSpan> chars = new ArrayList<>();
            for (CharSpan c : reading.chars()) {
                double centre = reading.stepToFraction((c.firstStep() + c.lastStep() + 1) / 2.0);
                if (centre >= start && (centre < middle || gap[0] >= 1)) {
                    chars.add(new CharSpan(c.text(), c.firstStep() - firstStep, c.lastStep() - firstStep,
                            c.probability()));
                }
            }
            double u0 = Math.min(1, firstStep * step);
            double u1 = Math.max(u0, Math.min(1, gap[0]));
            LineReading piece = new LineReading(chars, reading.timeSteps(), reading.inputWidth(),
                    (int) Math.max(1, Math.round(reading.cropWidth() * (u1 - u0))));
            if (!piece.text().isEmpty() && u1 > u0) {
                pieces.add(new RecognizedFragment(f.quad().slice(u0, u1), piece));
            }
            start = gap[1];
        }
        return pieces;
    }
}
