package io.pero.ocr.engine;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.detect.PageDetector;
import io.pero.ocr.detect.TextDetector;
import io.pero.ocr.layout.LayoutAnalyzer;
import io.pero.ocr.model.Page;
import io.pero.ocr.recognize.CharDictionary;
import io.pero.ocr.recognize.LineCropper;
import io.pero.ocr.recognize.Rereader;
import io.pero.ocr.recognize.TextRecognizer;
import io.pero.ocr.recognize.UmlautRestorer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCR engine: ONNX sessions (detector, recognizer) created once in {@link #open},
 * used by any number of threads at once, released by {@link #close}. Thread-safe: {@code recognize} may be called
 * concurrently (a folder read two pages at a time keeps both cores busy); the sessions and the inference pool are
 * shared, nothing else is.
 */
public final class OcrEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OcrEngine.class);

    private final OcrConfig config;
    private final List<OrtSession> sessions;
    private final ExecutorService pool;
    private final PagePipeline pipeline;
    private final boolean onGpu;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OcrEngine(OcrConfig config, List<OrtSession> sessions, ExecutorService pool, PagePipeline pipeline,
                      boolean onGpu) {
        this.config = config;
        this.sessions = sessions;
        this.pool = pool;
        this.pipeline = pipeline;
        this.onGpu = onGpu;
    }

    public static OcrEngine open(OcrConfig config) {
        long start = System.nanoTime();
        SessionFactory factory = new SessionFactory(config.device());
        ModelChoice choice = ModelChoice.of(config.recognition());
        List<OrtSession> sessions = new ArrayList<>();
        ExecutorService pool = InferenceThreads.pool(config.device().effectiveThreads());
        // Start-up work that does not depend on each other runs at once, on the inference pool that is idle until the
        // first page: unpacking and loading OpenCV's native library, and creating the detector's session while this
        // thread creates the recognizer's (each several hundred ms of one core).
        CompletableFuture<Void> openCv = CompletableFuture.runAsync(OpenCv::load, pool);
        CompletableFuture<OrtSession> detectorOpening =
                CompletableFuture.supplyAsync(() -> factory.open(config.detection().model()), pool);
        try {
            OrtSession recognizerSession = add(sessions, factory.open(choice.model()));
            OrtSession detectorSession = add(sessions, join(detectorOpening));
            join(openCv);
            TextDetector detector = new TextDetector(factory.environment(), detectorSession,
                    config.detection().tileSize(), config.detection().tileOverlap(), pool);
            TextRecognizer reader = new TextRecognizer(factory.environment(), recognizerSession,
                    CharDictionary.load(choice.dictionary(), config.recognition().useSpaceChar()),
                    config.recognition().effectiveBatchSize(factory.onGpu()), pool);
            boolean restoreUmlauts = config.recognition().restoreUmlauts() && !reader.dictionary().contains("\u00fc");
            PagePipeline pipeline = new PagePipeline(new PageDetector(detector, config.detection()),
                    new LineCropper(reader.inputHeight(), config.recognition().maxLineWidth(),
                            config.recognition().widthScale()), reader,
                    new Rereader(reader, config.recognition().maxLineWidth(), config.recognition().widthScale()),
                    restoreUmlauts ? new UmlautRestorer() : null, new LayoutAnalyzer(config.layout()),
                    config.recognition().minConfidence());
            log.info("ocr engine opened detector={} recognizer={} recognizer_choice=\"{}\" device={} threads={} "
                            + "took_ms={}", config.detection().model(), choice.model(), choice.reason(),
                    factory.onGpu() ? "gpu" : "cpu",
                    config.device().effectiveThreads(), Math.round(PagePipeline.ms(System.nanoTime() - start)));
            return new OcrEngine(config, sessions, pool, pipeline, factory.onGpu());
        } catch (RuntimeException | Error e) {
            // The detector's session may still be on its way; it is closed with the others once it is there.
            try {
                OrtSession detectorSession = detectorOpening.join();
                if (!sessions.contains(detectorSession)) {
                    sessions.add(detectorSession);
                }
            } catch (RuntimeException ignored) {
                // it failed to open: nothing to close
            }
            closeAll(sessions);
            pool.shutdownNow();
            throw e;
        }
    }

    /** The result of start-up work on the pool, with its own exception rather than a CompletionException. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static OrtSession add(List<OrtSession> sessions, OrtSession session) {
        sessions.add(session);
        return session;
    }

    /** Whether inference runs on the GPU. */
    public boolean onGpu() {
        return onGpu;
    }

    /** Full pipeline: detection, recognition, reading order. {@code image} is 8-bit grey, BGR or BGRA. */
    public Page recognize(Mat bgr, String imageName) {
        return recognizeTimed(bgr, imageName).page();
    }

    /** As {@link #recognize(Mat, String)}, with the time each step took. */
    public Recognition recognizeTimed(Mat image, String imageName) {
        checkUsable(image, imageName);
        return pipeline.run(image, imageName);
    }

    /**
     * Recognises the lines of a given layout (a PAGE XML from an earlier stage) instead of detecting anew: ids,
     * outlines, regions and order are kept; text, words and confidence are filled in.
     */
    public Page recognize(Mat bgr, String imageName, Page layout) {
        checkUsable(bgr, imageName);
        return GivenLayout.recognize(pipeline, bgr, imageName, layout);
    }

    private void checkUsable(Mat image, String imageName) {
        if (closed.get()) {
            throw new IllegalStateException("ocr engine is closed");
        }
        if (image == null || image.empty()) {
            throw new IllegalArgumentException(imageName + ": empty image");
        }
        if (image.depth() != CvType.CV_8U || image.channels() == 2 || image.channels() > 4) {
            throw new IllegalArgumentException(imageName + ": expected an 8-bit grey, BGR or BGRA image, got "
                    + CvType.typeToString(image.type()));
        }
        double megapixels = image.cols() * (double) image.rows() / 1e6;
        if (megapixels > config.maxImageMegapixels()) {
            throw new IllegalArgumentException(String.format("%s: image is %dx%d (%.0f megapixels), more than the "
                            + "limit of %.0f ([OCR] MAX_IMAGE_MEGAPIXELS)", imageName, image.cols(), image.rows(),
                    megapixels, config.maxImageMegapixels()));
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
            closeAll(sessions);
        }
    }

    private static void closeAll(List<OrtSession> sessions) {
        for (OrtSession session : sessions) {
            try {
                session.close();
            } catch (OrtException e) {
                log.warn("closing onnx session failed cause={}", e.getMessage());
            }
        }
    }
}
