package io.pero.ocr.recognize;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/** Reads line crops with the primary recognizer and, when configured, fuses in the accent recognizer's letters. */
public final class LineReader {
    private static final double ACCENT_MIN_PROBABILITY = 0.5;

    private final TextRecognizer primary;
    private final TextRecognizer accent;
    private final AccentFusion fusion;

    /** @param accent null for none */
    public LineReader(TextRecognizer primary, TextRecognizer accent) {
        this.primary = primary;
        this.accent = accent;
        this.fusion = accent == null ? null : new AccentFusion(primary.dictionary(), ACCENT_MIN_PROBABILITY);
        if (accent != null && accent.inputHeight() != primary.inputHeight()) {
            throw new IllegalArgumentException("accent recognizer input height " + accent.inputHeight()
                    + " differs from the primary's " + primary.inputHeight());
        }
    }

    public int inputHeight() {
        return primary.inputHeight();
    }

    public List<LineReading> read(List<Mat> crops) {
        List<LineReading> main = primary.read(crops);
        if (accent == null) {
            return main;
        }
        List<LineReading> accented = accent.read(crops);
        List<LineReading> fused = new ArrayList<>(main.size());
        for (int i = 0; i < main.size(); i++) {
            fused.add(fusion.fuse(main.get(i), accented.get(i)));
        }
        return fused;
    }
}
