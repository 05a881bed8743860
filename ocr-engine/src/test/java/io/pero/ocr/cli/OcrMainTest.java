package io.pero.ocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.PageOcr;
import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.image.ImageDecoder;
import io.pero.ocr.model.Page;
import io.pero.ocr.model.Polygon;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrMainTest {
    @TempDir
    Path tmp;

    private final List<OcrConfig> opened = Collections.synchronizedList(new ArrayList<>());
    private final List<String> closed = Collections.synchronizedList(new ArrayList<>());
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A fake engine: every page reads "<width>x<height>". */
    private final PageOcrFactory fake = config -> {
        opened.add(config);
        PageOcr.Recognizer recognizer = (bgr, name, layout) -> new Page(name, bgr.cols(), bgr.rows(), List.of(
                new TextRegion("r1", Polygon.rectangle(0, 0, 10, 10), List.of(new TextLine("l1",
                        Polygon.rectangle(0, 0, 10, 10), List.of(), bgr.cols() + "x" + bgr.rows(), 0.9, List.of())))));
        return new PageOcrFactory.Opened(new PageOcr(recognizer, ImageDecoder.DEFAULT_MAX_PIXELS, Clock.systemUTC()),
                () -> closed.add("engine"));
    };

    @Test
    void writesThreeFilesPerImageAndExitsZero() throws IOException {
        Path a = png("a.png", 30, 20);
        Path b = png("b.jpg.png", 50, 40);
        Path dir = tmp.resolve("out/nested");

        int code = run(a.toString(), b.toString(), "-o", dir.toString());

        assertEquals(0, code, err.toString());
        assertEquals(List.of("a.png.txt", "a.png_alto.xml", "a.png_page.xml", "b.jpg.png.txt", "b.jpg.png_alto.xml",
                "b.jpg.png_page.xml"), list(dir));
        assertEquals("30x20\n", Files.readString(dir.resolve("a.png.txt")));
        // The second page was decoded ahead while the first was recognised.
        assertEquals("50x40\n", Files.readString(dir.resolve("b.jpg.png.txt")));
        assertEquals("", err.toString());
        assertTrue(out.toString().contains(a + ": 1 lines"), out.toString());
        assertEquals(List.of("engine"), closed);
    }

    @Test
    void aBadImageIsReportedAndTheOthersAreStillProcessed() throws IOException {
        Path bad = Files.writeString(tmp.resolve("report.png"), "%PDF-1.5 not really");
        Path missing = tmp.resolve("missing.png");
        Path good = png("good.png", 8, 8);
        Path dir = tmp.resolve("out");

        int code = run(bad.toString(), missing.toString(), good.toString(), "-o", dir.toString());

        assertEquals(1, code);
        assertEquals(List.of("good.png.txt", "good.png_alto.xml", "good.png_page.xml"), list(dir));
        assertEquals(List.of(
                "error: " + bad + ": not an image (starts with '%PDF')",
                "error: " + missing + ": no such file",
                "error: 2 of 3 images failed"), err.toString().lines().toList());
    }

    @Test
    void aDirectoryStandsForTheImagesInsideItAndSkipsTheOtherFiles() throws IOException {
        Path b = png("b.png", 12, 10);
        Path a = png("a.tif.png", 11, 10);
        Path noExtension = tmp.resolve("in/scan");
        Files.copy(b, noExtension);
        Files.writeString(tmp.resolve("in/README.md"), "# samples\n");
        Files.writeString(tmp.resolve("in/a.tif.gt.txt"), "ground truth\n");
        Files.writeString(tmp.resolve("in/.hidden.png"), "editor backup");
        png("in/nested/deeper.png", 5, 5);
        Path dir = tmp.resolve("out");

        int code = run(tmp.resolve("in").toString(), "-o", dir.toString());

        assertEquals(0, code, err.toString());
        assertEquals("", err.toString());
        List<String> reported = out.toString().lines().map(l -> l.substring(0, l.indexOf(": "))).toList();
        assertEquals(List.of(a.toString(), b.toString(), noExtension.toString()), reported, "name order, images only");
        assertEquals("11x10\n", Files.readString(dir.resolve("a.tif.png.txt")));
        assertFalse(Files.exists(dir.resolve("README.md_page.xml")));
    }

    @Test
    void aDamagedImageInADirectoryIsReportedAndAnExplicitNonImageStillFails() throws IOException {
        png("good.png", 8, 8);
        Path damaged = Files.writeString(tmp.resolve("in/damaged.jpg"), "not a jpeg");
        Path readme = Files.writeString(tmp.resolve("in/README.md"), "# samples\n");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no pages here\n");

        int code = run(tmp.resolve("in").toString(), readme.toString(), empty.toString(),
                "-o", tmp.resolve("out").toString());

        assertEquals(1, code);
        assertEquals(List.of(
                "error: " + empty + ": directory holds no images",
                "error: " + damaged + ": not an image (starts with 'not ')",
                "error: " + readme + ": not an image (starts with '# sa')",
                "error: 3 of 4 images failed"), err.toString().lines().toList());
        assertTrue(Files.exists(tmp.resolve("out/good.png.txt")));
    }

    @Test
    void imagesWithTheSameFileNameDoNotOverwriteEachOther() throws IOException {
        Path first = png("x/scan.png", 8, 8);
        Path second = png("y/scan.png", 9, 9);

        int code = run(first.toString(), second.toString(), "-o", tmp.resolve("out").toString());

        assertEquals(1, code);
        assertEquals("8x8\n", Files.readString(tmp.resolve("out/scan.png.txt")));
        assertTrue(err.toString().startsWith("error: " + second + ": same file name as " + first), err.toString());
    }

    @Test
    void theSameImageGivenTwiceIsProcessedOnce() throws IOException {
        Path image = png("scan.png", 8, 8);

        assertEquals(1, run(image.toString(), image.toString(), "-o", tmp.resolve("out").toString()));
        assertEquals(1, out.toString().lines().count(), out.toString());
        assertTrue(Files.exists(tmp.resolve("out/scan.png.txt")));
    }

    @Test
    void pagesAreProcessedInParallelWithThreads() throws IOException {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            args.add(png("p" + i + ".png", 10 + i, 10).toString());
        }
        args.addAll(List.of("-o", tmp.resolve("out").toString(), "--threads", "3"));

        assertEquals(0, run(args.toArray(String[]::new)), err.toString());
        assertEquals(18, list(tmp.resolve("out")).size());
        List<String> reported = out.toString().lines()
                .map(l -> Path.of(l.substring(0, l.indexOf(": "))).getFileName().toString()).toList();
        assertEquals(List.of("p0.png", "p1.png", "p2.png", "p3.png", "p4.png", "p5.png"), reported, "input order kept");
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        Path img = png("a.png", 4, 4);
        assertEquals(2, run(img.toString()), "no -o");
        assertEquals(2, run("-o", tmp.toString()), "no image");
        assertEquals(2, run(img.toString(), "-o", tmp.toString(), "--threads", "0"));
        assertEquals(2, run(img.toString(), "-o", tmp.toString(), "--no-such-option"));
        assertTrue(err.toString().contains("Usage: pero-ocr"), err.toString());
        assertEquals(List.of(), opened, "nothing was opened");
    }

    @Test
    void invalidStageConfigExitsWithThree() throws IOException {
        Path stage = Files.createDirectories(tmp.resolve("stage"));
        Files.writeString(stage.resolve("config.ini"), "[DETECTION]\nTILE_SIZE = 100\n");

        int code = run(png("a.png", 4, 4).toString(), "-o", tmp.resolve("out").toString(), "--config", stage.toString());

        assertEquals(3, code);
        assertTrue(err.toString().startsWith("error: ") && err.toString().contains("TILE_SIZE=100"), err.toString());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void stageConfigIsPassedToTheEngine() throws IOException {
        Path stage = Files.createDirectories(tmp.resolve("stage"));
        Files.writeString(stage.resolve("config.ini"), "[RECOGNITION]\nBATCH_SIZE = 3\n");

        assertEquals(0, run(png("a.png", 4, 4).toString(), "-o", tmp.resolve("out").toString(), "--config", stage.toString()));
        assertEquals(3, opened.get(0).recognition().batchSize());
    }

    @Test
    void engineThatCannotOpenExitsWithThree() throws IOException {
        PageOcrFactory failing = config -> {
            throw new IllegalStateException("model file is not an ONNX model");
        };
        int code = OcrMain.run(new String[] {png("a.png", 4, 4).toString(), "-o", tmp.toString()}, failing,
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(3, code);
        assertEquals("error: cannot open the OCR engine: model file is not an ONNX model\n", err.toString());
    }

    @Test
    void packStageSubcommandWritesTheArchive() throws IOException {
        Path stage = Files.createDirectories(tmp.resolve("stage"));
        Files.writeString(stage.resolve("config.ini"), "[DETECTION]\nMODEL = det.onnx\n");
        Files.writeString(stage.resolve("det.onnx"), "det");
        Path archive = tmp.resolve("ocr.tar.gz");

        assertEquals(0, run("pack-stage", stage.toString(), "-o", archive.toString()), err.toString());
        assertTrue(Files.size(archive) > 0);
        assertEquals(archive + ": config.ini, det.onnx\n", out.toString());
    }

    @Test
    void packStageRefusesPathsOutsideTheStageWithThree() throws IOException {
        Path stage = Files.createDirectories(tmp.resolve("stage"));
        Files.writeString(tmp.resolve("det.onnx"), "det");
        Files.writeString(stage.resolve("config.ini"), "[DETECTION]\nMODEL = ../det.onnx\n");

        assertEquals(3, run("pack-stage", stage.toString(), "-o", tmp.resolve("a.tar.gz").toString()));
        assertTrue(err.toString().contains("outside the stage directory"), err.toString());
        assertEquals(2, run("pack-stage", stage.toString()), "no -o");
    }

    private int run(String... args) {
        return OcrMain.run(args, fake, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path png(String name, int width, int height) throws IOException {
        Path file = tmp.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR), "png", file.toFile());
        return file;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
