package io.pero.ocr.engine;

import io.pero.ocr.model.Page;

/** A recognised page with the time each step took (for benchmarks and metrics). */
public record Recognition(Page page, StepTimings timings) {
}
