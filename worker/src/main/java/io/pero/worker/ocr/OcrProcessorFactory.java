package io.pero.worker.ocr;

import io.pero.common.config.ConfigException;
import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.engine.OcrEngine;
import io.pero.worker.processing.ProcessorContext;
import io.pero.worker.processing.ProcessorFactory;
import io.pero.worker.processing.RequestProcessor;

/**
 * The OCR slot of the worker: any stage whose {@code config.ini} is neither DUMMY nor FAILTEST. Models are loaded
 * once per stage switch (ONNX sessions live as long as the processor) and released when the worker switches again.
 */
public final class OcrProcessorFactory implements ProcessorFactory {
    private final OcrEngineSource engines;

    public OcrProcessorFactory() {
        this(OcrEngine::open);
    }

    /** With the engines from {@code engines} (e.g. opened ahead of time by a host running workers in-process). */
    public OcrProcessorFactory(OcrEngineSource engines) {
        this.engines = engines;
    }

    @Override
    public RequestProcessor create(ProcessorContext context) {
        OcrConfig config;
        try {
            config = OcrConfig.load(context.stageDirectory());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("stage " + context.stage() + ": " + e.getMessage(), e);
        }
        OcrEngine engine = engines.open(config);
        return new OcrRequestProcessor(engine, Math.round(config.maxImageMegapixels() * 1e6));
    }
}
