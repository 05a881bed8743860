package io.pero.ocr;

import io.pero.ocr.engine.OcrEngine;
import io.pero.ocr.image.BadImageException;
import io.pero.ocr.image.ImageDecoder;
import io.pero.ocr.model.Page;
import io.pero.ocr.xml.AltoWriter;
import io.pero.ocr.xml.PageXmlException;
import io.pero.ocr.xml.PageXmlReader;
import io.pero.ocr.xml.PageXmlWriter;
import io.pero.ocr.xml.PlainTextWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR of one page image, from uploaded bytes to the output documents: the facade the CLI and the worker use.
 * Decodes the image ({@link ImageDecoder}), recognises it (re-using the lines of an input PAGE XML when one is given,
 * as pero-ocr does for layout → OCR stage chains, else detecting them), and writes PAGE XML, ALTO and plain text.
 * Thread-safe when its recognizer is (the {@link OcrEngine} is).
 */
public final class PageOcr {
    private static final Logger log = LoggerFactory.getLogger(PageOcr.class);

    /** The recognition step, apart from decoding and writing; {@link OcrEngine} in production. */
    @FunctionalInterface
    public interface Recognizer {
        /** @param layout lines to read (from an input PAGE XML), or empty to detect them */
        Page recognize(Mat bgr, String imageName, Optional<Page> layout);
    }

    private final Recognizer recognizer;
    private final long maxImagePixels;
    private final PageXmlWriter pageXml;
    private final AltoWriter alto;
    private final PlainTextWriter text = new PlainTextWriter();

    /** With the decoder's default pixel limit ({@link ImageDecoder#DEFAULT_MAX_PIXELS}). */
    public PageOcr(OcrEngine engine) {
        this(engine, ImageDecoder.DEFAULT_MAX_PIXELS);
    }

    /** @param maxImagePixels larger images are refused from their header, before decoding */
    public PageOcr(OcrEngine engine, long maxImagePixels) {
        this(engineRecognizer(engine), maxImagePixels, Clock.systemUTC());
    }

    public PageOcr(Recognizer recognizer, long maxImagePixels, Clock clock) {
        this.recognizer = recognizer;
        this.maxImagePixels = maxImagePixels;
        this.pageXml = new PageXmlWriter(PageXmlWriter.DEFAULT_CREATOR, clock);
        this.alto = new AltoWriter(PageXmlWriter.DEFAULT_CREATOR, clock);
    }

    private static Recognizer engineRecognizer(OcrEngine engine) {
        return (bgr, name, layout) -> layout.isPresent()
                ? engine.recognize(bgr, name, layout.get())
                : engine.recognize(bgr, name);
    }

    /**
     * @param imageName    the image's file name (the request's Data name); it names the outputs and the errors
     * @param inputPageXml a PAGE XML from an earlier stage whose lines are to be read instead of detected
     * @throws BadImageException the bytes are not a usable image (do not retry)
     * @throws PageXmlException  the input PAGE XML is unusable (do not retry)
     */
    public OcrResult process(String imageName, byte[] imageBytes, Optional<String> inputPageXml) {
        long start = System.nanoTime();
        // The XML is parsed first: it is cheap, and a broken one should fail before seconds of decoding.
        Optional<Page> layout = inputPageXml.map(xml -> PageXmlReader.read(xml, "input PAGE XML of " + imageName));
        Mat bgr = ImageDecoder.decode(imageBytes, imageName, maxImagePixels);
        try {
            return recognize(imageName, bgr, layout, start);
        } finally {
            bgr.release();
        }
    }

    /**
     * Decodes a page image ahead of {@link #process(String, Mat)}, so that a caller can decode the next page while
     * this one is recognised; the caller releases the Mat.
     *
     * @param maxPixels a lower pixel limit than this PageOcr's, for decoding ahead (a refused image is decoded, or
     *                  reported, by {@link #process(String, byte[], Optional)} instead)
     * @throws BadImageException the bytes are not a usable image or have more pixels than either limit
     */
    public Mat decode(String imageName, byte[] imageBytes, long maxPixels) {
        return ImageDecoder.decode(imageBytes, imageName, Math.min(maxPixels, maxImagePixels));
    }

    /** As {@link #process(String, byte[], Optional)} without an input PAGE XML, on a decoded image (not released). */
    public OcrResult process(String imageName, Mat bgr) {
        return recognize(imageName, bgr, Optional.empty(), System.nanoTime());
    }

    private OcrResult recognize(String imageName, Mat bgr, Optional<Page> layout, long start) {
        layout.ifPresent(l -> warnOnSizeMismatch(l, bgr, imageName));
        Page page = recognizer.recognize(bgr, imageName, layout);
        OcrResult result = new OcrResult(imageName, page, render(imageName, page));
        log.debug("page processed image={} given_layout={} regions={} lines={} took_ms={}", imageName,
                layout.isPresent(), page.regions().size(), page.regions().stream().mapToInt(r -> r.lines().size()).sum(),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private Map<String, byte[]> render(String imageName, Page page) {
        // Differs from the original: ALTO and plain text are written besides PAGE XML, and no .logits pickle.
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(OcrResult.pageXmlName(imageName), pageXml.write(page));
        files.put(OcrResult.altoName(imageName), alto.write(page));
        files.put(OcrResult.textName(imageName), text.write(page));
        return files;
    }

    /** pero-ocr uses the layout's coordinates as they are; a size mismatch usually means a rescaled image. */
    private static void warnOnSizeMismatch(Page layout, Mat bgr, String imageName) {
        if (layout.width() != bgr.cols() || layout.height() != bgr.rows()) {
            log.warn("input page xml size differs from the image, coordinates used as they are image={} "
                    + "xml_size={}x{} image_size={}x{}", imageName, layout.width(), layout.height(), bgr.cols(), bgr.rows());
        }
    }
}
