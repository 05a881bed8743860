package io.pero.ocr.recognize;

import java.util.List;
import org.opencv.core.Mat;

/** Reads line crops with the configured recognizer. */
public final class LineReader {
    private final TextRecognizer recognizer;

    public LineReader(TextRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    public int inputHeight() {
        return recognizer.inputHeight();
    }

    public List<LineReading> read(List<Mat> crops) {
        return recognizer.read(crops);
    }
}
