package io.pero.ocr.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.bench.CharacterErrorRate;
import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencv.core.Mat;

/** Pages turned by 90, 180 and 270 degrees are read upright, with coordinates on the image as given. */
class PageOrientationTest {
    private static final List<String> LINES = List.of(
            "Orientation is found from the lines themselves:",
            "the detector finds them in any direction, and",
            "the recognizer is sure of upright text only.",
            "A page scanned sideways or upside down is",
            "turned before it is read, then its outlines",
            "are turned back to the image as it was given.");
    private static OcrEngine engine;

    @BeforeAll
    static void open() {
        engine = OcrEngine.open(OcrConfig.defaults());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @ParameterizedTest
    @EnumSource(PageTurn.class)
    void aTurnedPageIsReadUpright(PageTurn pageTurn) {
        Mat upright = page();
        // The page as scanned is the upright page turned the other way round.
        Mat scanned = inverse(pageTurn) == PageTurn.NONE ? upright : inverse(pageTurn).apply(upright);
        Page page = engine.recognize(scanned, "turned.png");

        String read = page.regions().stream().flatMap(r -> r.lines().stream()).map(TextLine::text)
                .collect(Collectors.joining("\n"));
        assertTrue(CharacterErrorRate.score(read, String.join("\n", LINES)).cer() <= 0.02, pageTurn + ":\n" + read);
        assertEquals(scanned.cols(), page.width());
        assertEquals(scanned.rows(), page.height());
        boolean sideways = pageTurn == PageTurn.CLOCKWISE || pageTurn == PageTurn.COUNTERCLOCKWISE;
        for (TextLine line : page.regions().stream().flatMap(r -> r.lines().stream()).toList()) {
            Polygon p = line.polygon();
            assertTrue(p.minX() >= -1 && p.maxX() <= scanned.cols() + 1 && p.minY() >= -1
                    && p.maxY() <= scanned.rows() + 1, "outline inside the image as given: " + p);
            double w = p.maxX() - p.minX();
            double h = p.maxY() - p.minY();
            assertEquals(sideways, h > w, "outline follows the text on the image as given: " + p);
        }
    }

    @Test
    void turningBackUndoesTurning() {
        int w = 300;
        int h = 200;
        for (PageTurn t : PageTurn.values()) {
            Point p = new Point(17, 42);
            Point there = t.forward(p, w, h);
            Point back = t.back(there, w, h);
            assertEquals(p.x(), back.x(), 1e-9, t.name());
            assertEquals(p.y(), back.y(), 1e-9, t.name());
        }
        assertEquals(new Point(h - 42, 17), PageTurn.CLOCKWISE.forward(new Point(17, 42), w, h));
    }

    private static PageTurn inverse(PageTurn t) {
        return switch (t) {
            case NONE -> PageTurn.NONE;
            case HALF -> PageTurn.HALF;
            case CLOCKWISE -> PageTurn.COUNTERCLOCKWISE;
            case COUNTERCLOCKWISE -> PageTurn.CLOCKWISE;
        };
    }

    private static Mat page() {
        Font font = new Font(Font.SERIF, Font.PLAIN, 28);
        BufferedImage image = new BufferedImage(900, 80 + 44 * LINES.size(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(font);
        for (int i = 0; i < LINES.size(); i++) {
            g.drawString(LINES.get(i), 50, 70 + 44 * i);
        }
        g.dispose();
        return RenderedText.toMat(image);
    }
}
