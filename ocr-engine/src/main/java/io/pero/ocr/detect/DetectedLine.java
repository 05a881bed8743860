package io.pero.ocr.detect;

/** A text line found by the detector: its outline in image pixels and the mean text probability inside it. */
public record DetectedLine(Quad quad, double score) {
}
