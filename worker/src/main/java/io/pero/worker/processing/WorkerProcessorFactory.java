package io.pero.worker.processing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks the processor for a stage from its {@code config.ini}, in the original's order (spec §6.6): {@code [WORKER] DUMMY}
 * non-empty (any value, even {@code False}) → {@link DummyProcessor}; {@code [WORKER] FAILTEST} non-empty →
 * {@link FailTestProcessor}; anything else → the OCR factory given to the constructor. Our extension
 * {@code [WORKER] CRASHTEST} (fault tests) comes first → {@link CrashTestProcessor}.
 */
public final class WorkerProcessorFactory implements ProcessorFactory {
    static final String DUMMY = "DUMMY";
    static final String FAILTEST = "FAILTEST";
    /** Our extension: halt the JVM on requests with this page_uuid (fault tests). */
    static final String CRASHTEST = "CRASHTEST";

    private final ProcessorFactory ocr;

    public WorkerProcessorFactory(ProcessorFactory ocr) {
        this.ocr = ocr;
    }

    @Override
    public RequestProcessor create(ProcessorContext context) throws Exception {
        if (context.config().isSetNonEmpty(DummySettings.SECTION, CRASHTEST)) {
            return new CrashTestProcessor(context.config().get(DummySettings.SECTION, CRASHTEST).orElseThrow().trim(),
                    Runtime.getRuntime()::halt);
        }
        if (context.config().isSetNonEmpty(DummySettings.SECTION, DUMMY)) {
            return new DummyProcessor(DummySettings.from(context.config()),
                    () -> ThreadLocalRandom.current().nextDouble(), duration -> Thread.sleep(duration.toMillis(),
                    duration.toNanosPart() % 1_000_000));
        }
        if (context.config().isSetNonEmpty(DummySettings.SECTION, FAILTEST)) {
            return new FailTestProcessor();
        }
        return ocr.create(context);
    }
}
