package io.pero.ocr.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class ImageDecoderTest {

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tiff"})
    void losslessColourImagesKeepTheirExactPixels(String format) {
        byte[] bytes = TestImages.imageIo(TestImages.quadrants(BufferedImage.TYPE_3BYTE_BGR), format);

        Mat bgr = ImageDecoder.decode(bytes, "page." + format);

        assertShape(bgr, 40, 30);
        assertBgr(bgr, 5, 5, TestImages.RED, 0);
        assertBgr(bgr, 35, 5, TestImages.GREEN, 0);
        assertBgr(bgr, 5, 25, TestImages.BLUE, 0);
        assertBgr(bgr, 35, 25, TestImages.GREY, 0);
    }

    @Test
    void jpegColoursComeBackWithinCompressionError() {
        Mat bgr = ImageDecoder.decode(TestImages.imageIo(TestImages.quadrants(BufferedImage.TYPE_3BYTE_BGR), "jpeg"), "p.jpg");
        assertShape(bgr, 40, 30);
        assertBgr(bgr, 5, 5, TestImages.RED, 12);
        assertBgr(bgr, 35, 25, TestImages.GREY, 12);
    }

    @Test
    void webpLossyLosslessAndExtendedDecode() {
        Mat bgr = new Mat(30, 40, CvType.CV_8UC3, new Scalar(40, 30, 220));
        Mat bgra = new Mat(30, 40, CvType.CV_8UC4, new Scalar(40, 30, 220, 255));
        bgra.submat(0, 5, 0, 5).setTo(new Scalar(0, 0, 0, 0)); // some transparency, so the alpha plane is kept
        byte[] lossy = TestImages.openCv(bgr, ".webp", Imgcodecs.IMWRITE_WEBP_QUALITY, 90);
        byte[] lossless = TestImages.openCv(bgr, ".webp", Imgcodecs.IMWRITE_WEBP_QUALITY, 101);
        byte[] extended = TestImages.openCv(bgra, ".webp", Imgcodecs.IMWRITE_WEBP_QUALITY, 90);
        assertEquals(List.of("VP8 ", "VP8L", "VP8X"), Stream.of(lossy, lossless, extended)
                .map(b -> new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII)).toList(), "all three headers");
        for (byte[] webp : List.of(lossy, lossless, extended)) {
            assertEquals(new ImageHeader(ImageFormat.WEBP, 40, 30), ImageHeaderReader.read(webp, ImageFormat.WEBP, "p"));
            Mat decoded = ImageDecoder.decode(webp, "p.webp");
            assertShape(decoded, 40, 30);
            assertBgr(decoded, 20, 15, TestImages.RED, 12);
        }
    }

    @Test
    void grayscaleBecomesThreeEqualChannels() {
        BufferedImage gray = TestImages.quadrants(BufferedImage.TYPE_BYTE_GRAY);
        int expected = gray.getRaster().getSample(5, 5, 0);

        Mat bgr = ImageDecoder.decode(TestImages.imageIo(gray, "png"), "gray.png");

        assertShape(bgr, 40, 30);
        assertArrayEquals(new double[] {expected, expected, expected}, bgr.get(5, 5));
    }

    @Test
    void sixteenBitGrayIsScaledOverTheFullRange() {
        BufferedImage g16 = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSample(0, 0, 0, 65535);
        g16.getRaster().setSample(1, 0, 0, 257 * 100);
        g16.getRaster().setSample(2, 0, 0, 0);

        Mat bgr = ImageDecoder.decode(TestImages.imageIo(g16, "png"), "deep.png");

        assertArrayEquals(new double[] {255, 255, 255}, bgr.get(0, 0));
        assertArrayEquals(new double[] {100, 100, 100}, bgr.get(0, 1));
        assertArrayEquals(new double[] {0, 0, 0}, bgr.get(0, 2));
    }

    @Test
    void sixteenBitColourWithAlphaIsScaledAndCompositedOnWhite() {
        Mat bgra = new Mat(1, 2, CvType.CV_16UC4);
        bgra.put(0, 0, new short[] {0, 0, (short) 65535, (short) 65535, 0, 0, 0, 0});

        Mat bgr = ImageDecoder.decode(TestImages.openCv(bgra, ".png"), "deep-alpha.png");

        assertArrayEquals(new double[] {0, 0, 255}, bgr.get(0, 0), "opaque red stays red");
        assertArrayEquals(new double[] {255, 255, 255}, bgr.get(0, 1), "transparent black becomes white paper");
    }

    @Test
    void alphaIsCompositedOnWhiteNotBlack() {
        BufferedImage argb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000);
        argb.setRGB(1, 0, 0x80FF0000);
        argb.setRGB(2, 0, 0xFF000000);

        Mat bgr = ImageDecoder.decode(TestImages.imageIo(argb, "png"), "alpha.png");

        assertArrayEquals(new double[] {255, 255, 255}, bgr.get(0, 0));
        assertBgr(bgr, 1, 0, new Color(255, 127, 127), 1);
        assertArrayEquals(new double[] {0, 0, 0}, bgr.get(0, 2));
    }

    @Test
    void paletteImagesWithATransparentEntryDecodeInColourOnWhite() {
        BufferedImage palette = TestImages.paletteWithTransparency();
        for (String format : List.of("png", "gif")) {
            Mat bgr = ImageDecoder.decode(TestImages.imageIo(palette, format), "palette." + format);
            assertShape(bgr, 8, 8);
            assertBgr(bgr, 1, 1, new Color(250, 140, 10), 0);
            assertBgr(bgr, 6, 6, Color.WHITE, 0);
        }
    }

    @Test
    void adobeCmykJpegGetsCorrectColours() {
        Mat bgr = ImageDecoder.decode(TestImages.adobeCmykRedJpeg(), "cmyk.jpg");
        assertShape(bgr, 32, 16);
        assertBgr(bgr, 16, 8, new Color(255, 0, 0), 8);
    }

    @Test
    void jpegExifOrientationIsApplied() {
        byte[] wide = TestImages.imageIo(TestImages.quadrants(BufferedImage.TYPE_3BYTE_BGR), "jpeg");
        Mat bgr = ImageDecoder.decode(TestImages.withExifOrientation(wide, 6), "phone.jpg");
        assertShape(bgr, 30, 40);
        assertBgr(bgr, 25, 5, TestImages.RED, 12); // the top-left quadrant turns to the top right
    }

    @Test
    void bilevelGroup4TiffDecodesBlackInkOnWhitePaper() {
        BufferedImage binary = new BufferedImage(64, 32, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = binary.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 32);
        g.setColor(Color.BLACK);
        g.fillRect(10, 10, 5, 5);
        g.dispose();

        Mat bgr = ImageDecoder.decode(TestImages.group4Tiff(binary), "scan.tif");

        assertShape(bgr, 64, 32);
        assertArrayEquals(new double[] {255, 255, 255}, bgr.get(0, 0));
        assertArrayEquals(new double[] {0, 0, 0}, bgr.get(12, 12));
    }

    @Test
    void multiPageTiffGivesTheFirstPage() {
        BufferedImage first = TestImages.quadrants(BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage second = new BufferedImage(100, 10, BufferedImage.TYPE_3BYTE_BGR);

        Mat bgr = ImageDecoder.decode(TestImages.multiPageTiff(first, second), "book.tif");

        assertShape(bgr, 40, 30);
        assertBgr(bgr, 5, 5, TestImages.RED, 0);
    }

    @Test
    void realScansOfTheEvaluationSetDecodeAsPaperColouredPages() throws IOException {
        Path dir = Path.of(System.getProperty("pero.shared.dir", "../testdata"), "evaldata/public");
        assertTrue(Files.isDirectory(dir), "bundled evaluation data missing: " + dir);
        List<Path> images;
        try (Stream<Path> files = Files.list(dir)) {
            images = files.filter(p -> p.toString().matches(".*\\.(tif|jpg|png)$")).sorted().toList();
        }
        assertTrue(images.size() >= 5);
        for (Path image : images) {
            Mat bgr = ImageDecoder.decode(Files.readAllBytes(image), image.getFileName().toString());
            assertEquals(CvType.CV_8UC3, bgr.type(), image.toString());
            double mean = Core.mean(bgr).val[0];
            assertTrue(mean > 110, image + " should be mostly light paper, mean=" + mean);
            bgr.release();
        }
    }

    static void assertShape(Mat m, int width, int height) {
        assertEquals(CvType.CV_8UC3, m.type(), "8-bit BGR");
        assertEquals(width, m.cols(), "width");
        assertEquals(height, m.rows(), "height");
    }

    static void assertBgr(Mat m, int x, int y, Color expected, int tolerance) {
        double[] px = m.get(y, x);
        double[] want = {expected.getBlue(), expected.getGreen(), expected.getRed()};
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.abs(px[c] - want[c]) <= tolerance, "pixel (" + x + "," + y + ") is "
                    + java.util.Arrays.toString(px) + ", expected BGR " + java.util.Arrays.toString(want) + " ±" + tolerance);
        }
    }
}
