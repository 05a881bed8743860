package io.pero.ocr.cli;

import io.pero.ocr.PageOcr;
import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.engine.OcrEngine;

/** Opens the OCR machinery for a stage config; tests substitute a fake recognizer. */
@FunctionalInterface
public interface PageOcrFactory {
    /** A PageOcr and what to close when done. */
    record Opened(PageOcr pageOcr, AutoCloseable resources) {
    }

    Opened open(OcrConfig config);

    /** The real engine: ONNX sessions created once, shared by all threads. */
    PageOcrFactory ENGINE = config -> {
        OcrEngine engine = OcrEngine.open(config);
        return new Opened(new PageOcr(engine, Math.round(config.maxImageMegapixels() * 1e6)), engine);
    };
}
