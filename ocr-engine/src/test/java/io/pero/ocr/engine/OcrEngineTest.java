package io.pero.ocr.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.bench.CharacterErrorRate;
import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.model.Page;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.model.Word;
import java.awt.Font;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** The whole engine on rendered text: fonts, sizes, rotation, words, a given layout, and the inputs it refuses. */
class OcrEngineTest {
    private static final List<String> SENTENCES = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "Invoice 2024-117: total $1,250.75 (paid 12/03).",
            "Reading order matters: columns, titles, captions!");
    private static OcrEngine engine;

    @BeforeAll
    static void open() {
        engine = OcrEngine.open(OcrConfig.defaults());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static String text(Page page) {
        return page.regions().stream().flatMap(r -> r.lines().stream()).map(TextLine::text)
                .collect(Collectors.joining("\n"));
    }

    /** Three fonts × three sizes × three sentences: at most 1 % CER overall, no line worse than 5 %. */
    @Test
    void renderedLinesOfSeveralFontsAndSizesAreReadBack() {
        CharacterErrorRate.Score total = new CharacterErrorRate.Score(0, 0);
        StringBuilder worst = new StringBuilder();
        for (String family : List.of(Font.SERIF, Font.SANS_SERIF, Font.MONOSPACED)) {
            for (int size : new int[] {16, 26, 44}) {
                for (String sentence : SENTENCES) {
                    Mat image = RenderedText.line(sentence, new Font(family, Font.PLAIN, size), 0);
                    String read = text(engine.recognize(image, "line.png"));
                    image.release();
                    CharacterErrorRate.Score score = CharacterErrorRate.score(read, sentence);
                    total = total.plus(score);
                    if (score.cer() > 0.05) {
                        worst.append(family).append(' ').append(size).append(": '").append(read).append("'\n");
                    }
                }
            }
        }
        assertTrue(total.cer() <= 0.01, "CER " + total.cer() + "\n" + worst);
        assertEquals("", worst.toString());
    }

    /** The Latin + Chinese recognizer from Maven Central, chosen explicitly, reads English lines within 3 % CER. */
    @Test
    void theLatinChineseRecognizerReadsEnglishToo() {
        io.pero.ocr.config.RecognitionConfig r = OcrConfig.defaults().recognition();
        OcrConfig latinChinese = OcrConfig.defaults().withRecognition(new io.pero.ocr.config.RecognitionConfig(
                io.pero.ocr.config.ModelRef.builtin(io.pero.ocr.config.RecognitionConfig.LATIN_CHINESE_MODEL), null,
                true, 0, r.minConfidence(), r.maxLineWidth(), r.widthScale(), true));
        CharacterErrorRate.Score total = new CharacterErrorRate.Score(0, 0);
        try (OcrEngine v3 = OcrEngine.open(latinChinese)) {
            for (String sentence : SENTENCES) {
                Mat image = RenderedText.line(sentence, new Font(Font.SERIF, Font.PLAIN, 26), 0);
                total = total.plus(CharacterErrorRate.score(text(v3.recognize(image, "v3.png")), sentence));
            }
        }
        assertTrue(total.cer() <= 0.03, "CER " + total.cer());
    }

    /** The English recognizer reads a o u; the page's two dots put the umlauts back. */
    @Test
    void umlautsAreRestoredFromThePage() {
        String sentence = "M\u00fcller h\u00f6rte sp\u00e4ter \u00fcber \u00c4pfel und \u00d6l";
        for (String family : List.of(Font.SERIF, Font.SANS_SERIF)) {
            Mat image = RenderedText.line(sentence, new Font(family, Font.PLAIN, 36), 0);
            String read = text(engine.recognize(image, "umlaut.png"));
            assertTrue(CharacterErrorRate.score(read, sentence).edits() <= 1, family + ": " + read);
        }
    }

    @Test
    void aRotatedLineIsCutOutStraightAndRead() {
        String sentence = SENTENCES.get(0);
        Mat image = RenderedText.line(sentence, new Font(Font.SANS_SERIF, Font.PLAIN, 30), 12);
        Page page = engine.recognize(image, "rotated.png");
        assertTrue(CharacterErrorRate.score(text(page), sentence).cer() <= 0.03, text(page));
        TextLine line = page.regions().get(0).lines().get(0);
        // The line's baseline follows the text's slope (12 degrees down to the right).
        double dx = line.baseline().get(1).x() - line.baseline().get(0).x();
        double dy = line.baseline().get(1).y() - line.baseline().get(0).y();
        assertEquals(12, Math.toDegrees(Math.atan2(dy, dx)), 2);
    }

    @Test
    void wordsHaveBoxesInReadingOrderInsideTheLine() {
        Mat image = RenderedText.line("alpha beta gamma delta", new Font(Font.SERIF, Font.PLAIN, 32), 0);
        TextLine line = engine.recognize(image, "words.png").regions().get(0).lines().get(0);
        List<Word> words = line.words();
        assertEquals(List.of("alpha", "beta", "gamma", "delta"), words.stream().map(Word::text).toList());
        for (int i = 0; i < words.size(); i++) {
            Polygon box = words.get(i).polygon();
            assertTrue(box.minX() >= line.polygon().minX() - 1 && box.maxX() <= line.polygon().maxX() + 1);
            assertTrue(words.get(i).confidence() > 0.8 && words.get(i).confidence() <= 1);
            if (i > 0) {
                assertTrue(box.minX() >= words.get(i - 1).polygon().maxX() - 4, "words overlap: " + i);
            }
        }
        assertTrue(line.confidence() > 0.9);
    }

    @Test
    void aGivenLayoutKeepsItsIdsAndOutlinesAndGetsText() {
        Mat image = RenderedText.line(SENTENCES.get(1), new Font(Font.SANS_SERIF, Font.PLAIN, 28), 0);
        Page detected = engine.recognize(image, "given.png");
        Polygon outline = detected.regions().get(0).lines().get(0).polygon();
        TextLine empty = new TextLine("line_7", outline, List.of(), "", 0, List.of());
        Page layout = new Page("given.png", image.cols(), image.rows(),
                List.of(new TextRegion("region_3", outline, List.of(empty))));
        Page filled = engine.recognize(image, "given.png", layout);
        TextLine line = filled.regions().get(0).lines().get(0);
        assertEquals("region_3", filled.regions().get(0).id());
        assertEquals("line_7", line.id());
        assertEquals(outline, line.polygon());
        assertEquals(2, line.baseline().size());
        assertTrue(CharacterErrorRate.score(line.text(), SENTENCES.get(1)).cer() <= 0.03, line.text());
        assertFalse(line.words().isEmpty());
    }

    @Test
    void aBlankPageHasNoRegions() {
        Mat white = new Mat(600, 800, CvType.CV_8UC3, new org.opencv.core.Scalar(255, 255, 255));
        Page page = engine.recognize(white, "blank.png");
        assertEquals(List.of(), page.regions());
        assertEquals(800, page.width());
        assertEquals(600, page.height());
    }

    @Test
    void greyAndAlphaImagesAreAccepted() {
        Mat bgr = RenderedText.line("grey and alpha", new Font(Font.SANS_SERIF, Font.PLAIN, 30), 0);
        Mat grey = new Mat();
        Mat bgra = new Mat();
        org.opencv.imgproc.Imgproc.cvtColor(bgr, grey, org.opencv.imgproc.Imgproc.COLOR_BGR2GRAY);
        org.opencv.imgproc.Imgproc.cvtColor(bgr, bgra, org.opencv.imgproc.Imgproc.COLOR_BGR2BGRA);
        assertEquals("grey and alpha", text(engine.recognize(grey, "grey.png")));
        assertEquals("grey and alpha", text(engine.recognize(bgra, "alpha.png")));
    }

    @Test
    void unusableImagesAreRefusedWithTheirName() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> engine.recognize(new Mat(), "empty.png"));
        assertTrue(empty.getMessage().contains("empty.png"));
        IllegalArgumentException floats = assertThrows(IllegalArgumentException.class,
                () -> engine.recognize(new Mat(10, 10, CvType.CV_32FC3), "float.tif"));
        assertTrue(floats.getMessage().contains("float.tif") && floats.getMessage().contains("8-bit"));
    }

    @Test
    void imagesAboveTheConfiguredSizeAreRefusedBeforeAnyWork() {
        try (OcrEngine small = OcrEngine.open(OcrConfig.defaults().withMaxImageMegapixels(1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> small.recognize(new Mat(1000, 1200, CvType.CV_8UC1), "big.png"));
            assertTrue(e.getMessage().contains("big.png") && e.getMessage().contains("MAX_IMAGE_MEGAPIXELS"),
                    e.getMessage());
        }
    }

    @Test
    void aClosedEngineRefusesWork() {
        OcrEngine closed = OcrEngine.open(OcrConfig.defaults());
        closed.close();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.recognize(new Mat(10, 10, CvType.CV_8UC3), "x.png"));
    }
}
