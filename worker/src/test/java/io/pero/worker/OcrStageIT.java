package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pero.common.status.StageLogStatus;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worker's OCR slot end to end: a stage whose config.ini is neither DUMMY nor FAILTEST runs the OCR engine. */
class OcrStageIT {
    @RegisterExtension
    static final WorkerHarnessExtension services = new WorkerHarnessExtension();
    private final WorkerHarness h = services.harness();

    @Test
    void ocrStageAddsPageXmlAltoAndTextAndABadImageFailsWithoutHurtingTheWorker() throws Exception {
        String stage = h.queue("it-ocr");
        h.defineStage(stage, "[OCR]\n[DEVICE]\nDEVICE = cpu\n", "ocr-v1", "");
        String out = h.queue("it-ocr-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id);
        h.assign(id, stage);

        h.publish(stage, request(stage, out, "page.png", render("Hello from the pero worker")).toByteArray());
        h.publish(stage, request(stage, out, "broken.png", "not an image at all".getBytes(StandardCharsets.UTF_8)).toByteArray());

        Map<String, ProcessingRequest> byImage = h.take(out, 2).stream()
                .collect(Collectors.toMap(r -> r.getResults(0).getName(), r -> r));
        ProcessingRequest ok = byImage.get("page.png");
        assertEquals(List.of("page.png", "page.png_page.xml", "page.png_alto.xml", "page.png.txt"),
                ok.getResultsList().stream().map(Data::getName).toList());
        StageLog okLog = ok.getLogs(0);
        assertEquals(StageLogStatus.OK, okLog.getStatus(), okLog.getLog());
        assertEquals("ocr-v1", okLog.getVersion());
        String text = ok.getResults(3).getContent().toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Hello from the pero worker"), "recognised text: " + text);
        String pageXml = ok.getResults(1).getContent().toString(StandardCharsets.UTF_8);
        assertTrue(pageXml.contains("pagecontent/2019-07-15") && pageXml.contains("<TextLine"), pageXml);

        ProcessingRequest bad = byImage.get("broken.png");
        assertEquals(1, bad.getResultsCount(), "nothing added for a request without a readable image");
        assertEquals(StageLogStatus.FAILED, bad.getLogs(0).getStatus());
        assertTrue(bad.getLogs(0).getLog().contains("no image"), bad.getLogs(0).getLog());

        h.awaitStatus(id, "IDLE");
        h.stopWorker(id, exit);
    }

    private static ProcessingRequest request(String stage, String out, String name, byte[] content) {
        return ProcessingRequest.newBuilder().setUuid(UUID.randomUUID().toString().replace("-", ""))
                .setPageUuid(UUID.randomUUID().toString().replace("-", ""))
                .addProcessingStages(stage).addProcessingStages(out)
                .addResults(Data.newBuilder().setName(name).setContent(ByteString.copyFrom(content)))
                .build();
    }

    private static byte[] render(String line) throws Exception {
        BufferedImage img = new BufferedImage(900, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 40));
        g.drawString(line, 40, 95);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        return png.toByteArray();
    }
}
