package io.pero.ocr.recognize;

/**
 * One decoded character: its text, the CTC time steps it occupies (inclusive) and its probability (the highest
 * class probability over those steps).
 */
public record CharSpan(String text, int firstStep, int lastStep, double probability) {
    public boolean isSpace() {
        return text.isBlank();
    }
}
