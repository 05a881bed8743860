package io.pero.ocr.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.bench.CharacterErrorRate;
import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.model.TextLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Real pages from evaldata/public (two-column book page, magazine page with picture and caption, table, photo of a
 * test sheet): the CER stays under the stated bound (measured values at the time of writing in brackets) and known
 * line starts come in reading order.
 */
class PublicPagesIT {
    private static OcrEngine engine;
    private static Path pages;

    @BeforeAll
    static void open() {
        pages = Path.of(System.getProperty("pero.shared.dir", "../testdata"), "evaldata", "public");
        assertTrue(Files.isDirectory(pages), "bundled evaluation pages missing: " + pages.toAbsolutePath());
        engine = OcrEngine.open(OcrConfig.defaults());
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @ParameterizedTest(name = "{0} CER <= {2}")
    @CsvSource(delimiter = '|', value = {
        // page | image | CER bound (measured) | line starts in reading order, ';'-separated
        "lept_shearer|lept_shearer.tif|0.03|a more appropriate place;Mainstreaming, The Community;As enunciated again;"
            + "An analysis of the official;A comparable analysis;professionals, to an avowal;"
            + "I don't know of a professional;Item 1: A debate;Although they have difficulty",
        "unlv_8087_054|unlv_8087_054.tif|0.06|This is Greater Serbia;ered time and war for so long;"
            + "You hear a lot about revenge;needs. Tourism accounted;Vinko Milutinovitch;need receives flour;"
            + "but several thousand beds;city's western walls;those responsible for security;THE TERRA-COTTA",
        "lept_table|lept_table.png|0.08|PROTECTIVE SERVICES;Lake 16 8 2 6;Lapeer 35 13 2 20;Macomb 253 75 19 159;"
            + "Wexford 54 25 6 23",
        "tess_phototest|tess_phototest.tif|0.01|This is a lot of 12 point text;The quick brown dog jumped over the;"
            + "brown dog jumped over",
    })
    void pageIsReadInOrderUnderItsCerBound(String name, String file, double bound, String starts) throws IOException {
        Mat image = Imgcodecs.imread(pages.resolve(file).toString(), Imgcodecs.IMREAD_COLOR);
        String text = engine.recognize(image, file).regions().stream().flatMap(r -> r.lines().stream())
                .map(TextLine::text).collect(Collectors.joining("\n"));
        image.release();
        String truth = Files.readString(pages.resolve(name + ".gt.txt"));
        double cer = CharacterErrorRate.score(text, truth).cer();
        assertTrue(cer <= bound, name + " CER " + cer + " > " + bound + "\n" + text);
        int previous = -1;
        for (String start : List.of(starts.split(";"))) {
            int at = text.indexOf(start);
            assertTrue(at > previous, name + ": '" + start + "' at " + at + ", expected after " + previous + "\n" + text);
            previous = at;
        }
    }
}
