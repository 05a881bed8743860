package io.pero.worker.processing;

import io.pero.common.config.ConfigException;

/** Stands in for the OCR engine in builds without one: every OCR stage fails configuration with a clear reason. */
public final class UnavailableOcrFactory implements ProcessorFactory {
    @Override
    public RequestProcessor create(ProcessorContext context) {
        throw new ConfigException("no OCR engine in this build: stage " + context.stage()
                + " config has neither [WORKER] DUMMY nor FAILTEST");
    }
}
