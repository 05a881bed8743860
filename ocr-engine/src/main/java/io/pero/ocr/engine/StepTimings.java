package io.pero.ocr.engine;

/**
 * Where one page's time went, in milliseconds of wall-clock time.
 *
 * @param detectMs    text detection (scaling, detector passes, box extraction)
 * @param recognizeMs line cropping and recognition
 * @param layoutMs    reading order and region grouping, and building the page
 * @param lines       text lines recognised
 * @param passes      detector passes (2 when the page was re-detected at a better scale)
 */
public record StepTimings(double detectMs, double recognizeMs, double layoutMs, int lines, int passes) {
    public double totalMs() {
        return detectMs + recognizeMs + layoutMs;
    }
}
