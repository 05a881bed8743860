package io.pero.worker.ocr;

import com.google.protobuf.ByteString;
import io.pero.ocr.BadInputException;
import io.pero.ocr.OcrResult;
import io.pero.ocr.PageOcr;
import io.pero.ocr.engine.OcrEngine;
import io.pero.ocr.image.ImageDecoder;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import io.pero.worker.processing.BadRequestException;
import io.pero.worker.processing.RequestProcessor;
import io.pero.worker.processing.StageLogger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Runs OCR on the request's image the way pero-worker's PeroOcrRequestProcessor does (spec §6.6): the image is found
 * by content (the last one wins), an attached {@code .xml} is the input layout, its content is replaced by the new PAGE
 * XML, and {@code <image name>_page.xml} is added when none came in.
 */
// Differs from the original: ALTO (<image>_alto.xml) and plain text (<image>.txt) are added too; no .logits are produced.
final class OcrRequestProcessor implements RequestProcessor {
    private final OcrEngine engine;
    private final PageOcr pageOcr;

    OcrRequestProcessor(OcrEngine engine, long maxImagePixels) {
        this.engine = engine;
        this.pageOcr = new PageOcr(engine, maxImagePixels);
    }

    @Override
    public void process(ProcessingRequest.Builder request, StageLogger log) {
        Inputs inputs = Inputs.of(request);
        if (inputs.image == null) {
            throw new BadRequestException("request " + request.getUuid() + " carries no image among its "
                    + request.getResultsCount() + " files");
        }
        long started = System.nanoTime();
        OcrResult result;
        try {
            result = pageOcr.process(inputs.image.getName(), inputs.image.getContent().toByteArray(),
                    Optional.ofNullable(inputs.pageXml));
        } catch (BadInputException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        int lines = result.page().regions().stream().mapToInt(r -> r.lines().size()).sum();
        log.info("OCR of {} done: {} regions, {} lines, {} ms{}", inputs.image.getName(), result.page().regions().size(),
                lines, (System.nanoTime() - started) / 1_000_000, inputs.pageXml != null ? " (layout from input PAGE XML)" : "");
        attach(request, result, inputs.pageXml != null);
    }

    private static void attach(ProcessingRequest.Builder request, OcrResult result, boolean hadXml) {
        String imageName = result.imageName();
        ByteString pageXml = ByteString.copyFrom(result.pageXml());
        // The original overwrote every incoming .xml with the new PAGE XML; keep that for layout -> OCR chains.
        for (int i = 0; i < request.getResultsCount(); i++) {
            if (request.getResults(i).getName().endsWith(".xml") && !request.getResults(i).getName().endsWith("_alto.xml")) {
                request.setResults(i, request.getResults(i).toBuilder().setContent(pageXml));
            }
        }
        for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
            String name = file.getKey();
            if (hadXml && name.equals(OcrResult.pageXmlName(imageName))) {
                continue;
            }
            upsert(request, name, file.getValue());
        }
    }

    private static void upsert(ProcessingRequest.Builder request, String name, byte[] content) {
        for (int i = 0; i < request.getResultsCount(); i++) {
            if (request.getResults(i).getName().equals(name)) {
                request.setResults(i, Data.newBuilder().setName(name).setContent(ByteString.copyFrom(content)));
                return;
            }
        }
        request.addResults(Data.newBuilder().setName(name).setContent(ByteString.copyFrom(content)));
    }

    @Override
    public void close() {
        engine.close();
    }

    /** The request's image (last one by content) and input PAGE XML (last .xml that is not our ALTO). */
    private record Inputs(Data image, String pageXml) {
        static Inputs of(ProcessingRequest.Builder request) {
            Data image = null;
            String xml = null;
            for (Data d : request.getResultsList()) {
                if (d.getName().endsWith(".xml")) {
                    if (!d.getName().endsWith("_alto.xml")) {
                        xml = d.getContent().toString(StandardCharsets.UTF_8);
                    }
                } else if (ImageDecoder.looksLikeImage(d.getContent().toByteArray())) {
                    image = d;
                }
            }
            return new Inputs(image, xml);
        }
    }
}
