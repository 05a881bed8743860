package io.pero.ocr.recognize;

import java.util.List;

/**
 * A recognised line crop: its characters with their time steps, the number of time steps the model produced, and
 * the crop's content width in pixels relative to the padded input width (so steps map back to the crop).
 *
 * @param chars       characters in reading order, spaces included
 * @param timeSteps   CTC output length
 * @param inputWidth  width of the padded model input in pixels
 * @param cropWidth   width of the actual crop (before padding) in pixels
 */
public record LineReading(List<CharSpan> chars, int timeSteps, int inputWidth, int cropWidth) {
    public LineReading {
        chars = List.copyOf(chars);
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        for (CharSpan c : chars) {
            text.append(c.text());
        }
        return text.toString().strip();
    }

    /** Mean character probability; 0 for an empty reading. */
    public double confidence() {
        return chars.stream().mapToDouble(CharSpan::probability).average().orElse(0);
    }

    /** The crop position (fraction of the crop width, clamped to [0,1]) of the left edge of a time step. */
    public double stepToFraction(double step) {
        double pixels = step * inputWidth / (double) timeSteps;
        return Math.max(0, Math.min(1, pixels / cropWidth));
    }

    public LineReading withChars(List<CharSpan> newChars) {
        return new LineReading(newChars, timeSteps, inputWidth, cropWidth);
    }
}
