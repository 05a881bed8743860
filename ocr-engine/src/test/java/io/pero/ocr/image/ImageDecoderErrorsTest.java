package io.pero.ocr.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageDecoderErrorsTest {
    private static final byte[] PNG = TestImages.imageIo(TestImages.quadrants(BufferedImage.TYPE_3BYTE_BGR), "png");
    private static final byte[] JPEG = TestImages.imageIo(TestImages.quadrants(BufferedImage.TYPE_3BYTE_BGR), "jpeg");
    private static final byte[] TIFF = TestImages.imageIo(TestImages.quadrants(BufferedImage.TYPE_3BYTE_BGR), "tiff");

    @Test
    void emptyInput() {
        assertMessage("scan.png: empty file (0 bytes)", new byte[0], "scan.png");
    }

    @Test
    void pdfIsNotAnImage() {
        assertMessage("scan.png: not an image (starts with '%PDF')",
                "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII), "scan.png");
    }

    @Test
    void binaryNonImageIsShownAsHex() {
        assertMessage("pages.jpg: not an image (starts with bytes 50 4B 03 04)", new byte[] {'P', 'K', 3, 4, 20, 0},
                "pages.jpg");
    }

    @Test
    void recognisedButUnsupportedFormatsAreNamed() {
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
        assertMessage("photo.heic: unsupported image format HEIF/HEIC (supported: PNG, JPEG, TIFF, BMP, GIF, WebP)",
                heic, "photo.heic");
    }

    @Test
    void truncatedJpeg() {
        assertStartsWith("scan.jpg: truncated JPEG", TestImages.truncate(JPEG, JPEG.length - 40), "scan.jpg");
    }

    @Test
    void jpegCutInsideItsHeader() {
        assertStartsWith("scan.jpg: truncated JPEG (ends inside the header", TestImages.truncate(JPEG, 30), "scan.jpg");
    }

    @Test
    void truncatedPng() {
        assertStartsWith("scan.png: truncated PNG", TestImages.truncate(PNG, PNG.length - 20), "scan.png");
    }

    @Test
    void pngWithGarbledImageData() {
        byte[] garbled = PNG.clone();
        for (int i = 60; i < garbled.length - 30; i++) {
            garbled[i] ^= 0x5A;
        }
        assertStartsWith("scan.png: corrupt", garbled, "scan.png");
    }

    @Test
    void truncatedTiff() {
        assertStartsWith("scan.tif: corrupt", TestImages.truncate(TIFF, TIFF.length / 3), "scan.tif");
    }

    @Test
    void tiffWithOnlyItsMagicNumber() {
        assertStartsWith("scan.tif: corrupt TIFF header", new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}, "scan.tif");
    }

    @Test
    void imageBombsAreRefusedFromTheHeaderBeforeDecoding() {
        String expected = "image is 20000x20000 pixels (400.0 megapixels), over the limit of 200.0 megapixels";
        assertMessage("bomb.png: " + expected, TestImages.pngClaiming(20000, 20000), "bomb.png");
        assertMessage("bomb.jpg: " + expected, TestImages.jpegClaiming(20000, 20000), "bomb.jpg");
        assertMessage("bomb.tif: " + expected, TestImages.tiffClaiming(20000, 20000), "bomb.tif");
    }

    @Test
    void thePixelLimitIsConfigurable() {
        BadImageException e = assertThrows(BadImageException.class, () -> ImageDecoder.decode(PNG, "small.png", 1000));
        assertEquals("small.png: image is 40x30 pixels (0.0 megapixels), over the limit of 0.0 megapixels", e.getMessage());
        assertEquals(40, ImageDecoder.decode(PNG, "small.png", 1200).cols());
    }

    @Test
    void looksLikeImageJudgesTheContentNotTheName() {
        assertTrue(ImageDecoder.looksLikeImage(PNG));
        assertTrue(ImageDecoder.looksLikeImage(TIFF));
        assertTrue(ImageDecoder.looksLikeImage(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}));
        assertFalse(ImageDecoder.looksLikeImage("<?xml version=\"1.0\"?><PcGts/>".getBytes(StandardCharsets.UTF_8)));
        assertFalse(ImageDecoder.looksLikeImage(new byte[0]));
    }

    private static void assertMessage(String expected, byte[] bytes, String name) {
        BadImageException e = assertThrows(BadImageException.class, () -> ImageDecoder.decode(bytes, name));
        assertEquals(expected, e.getMessage());
    }

    private static void assertStartsWith(String expected, byte[] bytes, String name) {
        BadImageException e = assertThrows(BadImageException.class, () -> ImageDecoder.decode(bytes, name));
        assertTrue(e.getMessage().startsWith(expected), "message: " + e.getMessage());
    }
}
