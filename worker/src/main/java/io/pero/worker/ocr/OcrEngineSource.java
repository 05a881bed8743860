package io.pero.worker.ocr;

import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.engine.OcrEngine;

/**
 * Where the OCR slot gets the engine for a stage's configuration: {@link OcrEngine#open} in a worker of its own; a
 * host running workers in its process may hand over an engine it opened for the same configuration beforehand. The
 * engine returned belongs to the caller, which closes it when the worker switches stage.
 */
@FunctionalInterface
public interface OcrEngineSource {
    OcrEngine open(OcrConfig config);
}
