package io.pero.ocr.bench;

import io.pero.ocr.engine.StepTimings;

/** One page's figures: ours and, when it ran, Tesseract's. */
record BenchPage(String name, int width, int height, CharacterErrorRate.Score ours, StepTimings timings,
                 CharacterErrorRate.Score tesseract, double tesseractSeconds) {
}
