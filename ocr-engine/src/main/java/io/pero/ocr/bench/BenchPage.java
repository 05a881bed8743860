package io.pero.ocr.bench;

import io.pero.ocr.engine.StepTimings;

/**
 * One page's figures: ours (plain and order-free CER) and Tesseract's, when it ran or its stored hypothesis was
 * given ({@code tesseract} null otherwise; {@code tesseractSeconds} NaN for a stored hypothesis).
 */
record BenchPage(String set, String name, int width, int height, CharacterErrorRate.Score ours,
                 CharacterErrorRate.Score oursOrderFree, StepTimings timings, CharacterErrorRate.Score tesseract,
                 double tesseractSeconds) {

    /** Edits more than Tesseract's on this page (0 where we do as well or better, or Tesseract is unknown). */
    long excessEdits() {
        return tesseract == null ? 0 : Math.max(0, ours.edits() - tesseract.edits());
    }
}
