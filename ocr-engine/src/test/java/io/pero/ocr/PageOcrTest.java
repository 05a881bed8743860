package io.pero.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.image.BadImageException;
import io.pero.ocr.image.ImageDecoder;
import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.model.Word;
import io.pero.ocr.xml.PageXmlException;
import io.pero.ocr.xml.SchemaValidation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;

class PageOcrTest {
    private final List<String> calls = new ArrayList<>();

    /** Stands in for the engine: one line reading "<width>x<height>", or the given layout's lines read as "read". */
    private final PageOcr.Recognizer fake = (bgr, name, layout) -> {
        calls.add(name + " " + CvType.typeToString(bgr.type()) + " " + bgr.cols() + "x" + bgr.rows()
                + (layout.isPresent() ? " layout" : ""));
        if (layout.isPresent()) {
            List<TextRegion> regions = layout.get().regions().stream().map(r -> new TextRegion(r.id(), r.polygon(),
                    r.lines().stream().map(l -> new TextLine(l.id(), l.polygon(), l.baseline(), "read", 0.9,
                            List.of(new Word("read", l.polygon(), 0.9)))).toList())).toList();
            return new Page(name, bgr.cols(), bgr.rows(), regions);
        }
        String text = bgr.cols() + "x" + bgr.rows();
        TextLine line = new TextLine("l1", Polygon.rectangle(1, 1, 20, 10), List.of(new Point(1, 9), new Point(20, 9)),
                text, 0.8, List.of(new Word(text, Polygon.rectangle(1, 1, 20, 10), 0.8)));
        return new Page(name, bgr.cols(), bgr.rows(), List.of(new TextRegion("r1", Polygon.rectangle(0, 0, 30, 20),
                List.of(line))));
    };
    private final PageOcr pageOcr = new PageOcr(fake, ImageDecoder.DEFAULT_MAX_PIXELS, Clock.systemUTC());

    @Test
    void writesTheThreeDocumentsNamedAsPeroWorkerNamesThem() throws IOException {
        OcrResult result = pageOcr.process("scan.jpg", png(64, 48), Optional.empty());

        assertEquals(List.of("scan.jpg_page.xml", "scan.jpg_alto.xml", "scan.jpg.txt"), List.copyOf(result.files().keySet()));
        assertEquals(List.of("scan.jpg CV_8UC3 64x48"), calls);
        assertEquals("64x48\n", new String(result.text(), StandardCharsets.UTF_8));
        SchemaValidation.assertValid(SchemaValidation.PAGE, new String(result.pageXml(), StandardCharsets.UTF_8));
        SchemaValidation.assertValid(SchemaValidation.ALTO, new String(result.alto(), StandardCharsets.UTF_8));
        assertTrue(new String(result.pageXml(), StandardCharsets.UTF_8).contains("imageFilename=\"scan.jpg\""));
        assertEquals(64, result.page().width());
    }

    @Test
    void linesOfAnInputPageXmlAreRecognisedInsteadOfDetected() throws IOException {
        String layout = "<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\">"
                + "<Page imageFilename=\"scan.jpg\" imageWidth=\"64\" imageHeight=\"48\"><TextRegion id=\"r7\">"
                + "<Coords points=\"0,0 60,0 60,40 0,40\"/><TextLine id=\"r7-l1\"><Coords points=\"2,2 50,2 50,20 2,20\"/>"
                + "<Baseline points=\"2,18 50,18\"/></TextLine></TextRegion></Page></PcGts>";

        OcrResult result = pageOcr.process("scan.jpg", png(64, 48), Optional.of(layout));

        assertEquals(List.of("scan.jpg CV_8UC3 64x48 layout"), calls);
        String xml = new String(result.pageXml(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<TextLine id=\"r7-l1\""), xml);
        assertTrue(xml.contains("<Unicode>read</Unicode>"), xml);
    }

    @Test
    void badImageFailsWithItsNameAndNothingIsRecognised() {
        BadImageException e = assertThrows(BadImageException.class,
                () -> pageOcr.process("doc.png", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), Optional.empty()));
        assertEquals("doc.png: not an image (starts with '%PDF')", e.getMessage());
        assertTrue(e instanceof BadInputException, "callers catch one type for do-not-retry inputs");
        assertEquals(List.of(), calls);
    }

    @Test
    void brokenInputPageXmlFailsBeforeDecoding() {
        PageXmlException e = assertThrows(PageXmlException.class,
                () -> pageOcr.process("scan.jpg", new byte[0], Optional.of("<PcGts><Page")));
        assertTrue(e.getMessage().startsWith("input PAGE XML of scan.jpg: not well-formed XML"), e.getMessage());
        assertEquals(List.of(), calls);
    }

    @Test
    void thePixelLimitIsAppliedBeforeRecognition() throws IOException {
        PageOcr strict = new PageOcr(fake, 1000, Clock.systemUTC());
        assertThrows(BadImageException.class, () -> strict.process("big.png", png(64, 48), Optional.empty()));
        assertEquals(List.of(), calls);
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR), "png", out);
        return out.toByteArray();
    }
}
