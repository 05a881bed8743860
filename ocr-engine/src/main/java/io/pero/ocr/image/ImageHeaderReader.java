package io.pero.ocr.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads width and height from an image header so the pixel limit is checked before anything is decoded.
 * ImageIO readers parse only the header for {@code getWidth(0)}; WebP, which ImageIO lacks, is parsed here.
 */
final class ImageHeaderReader {
    private ImageHeaderReader() {
    }

    static ImageHeader read(byte[] bytes, ImageFormat format, String name) {
        if (format == ImageFormat.WEBP) {
            return WebpHeader.read(bytes, name);
        }
        String ioName = format.imageIoName().orElseThrow();
        try (ImageInputStream in = memoryStream(bytes)) {
            ImageReader reader = readerFor(ioName);
            try {
                reader.setInput(in, true, true);
                return new ImageHeader(format, reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new BadImageException(name, "corrupt " + format.label() + " header (" + describe(e) + ")", e);
        }
    }

    /**
     * Number of pages (images) in a TIFF, or -1 when it cannot be counted. Only walks the directory chain, so it is
     * cheap, but callers use it for logging only.
     */
    static int tiffPageCount(byte[] bytes) {
        try (ImageInputStream in = memoryStream(bytes)) {
            ImageReader reader = readerFor("tiff");
            try {
                reader.setInput(in, false, true);
                return reader.getNumImages(true);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    // A memory-backed stream: ImageIO.createImageInputStream may spill to a temp file on disk.
    static ImageInputStream memoryStream(byte[] bytes) {
        return new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
    }

    static ImageReader readerFor(String ioName) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(ioName);
        if (!readers.hasNext()) {
            throw new IOException("no ImageIO reader for " + ioName);
        }
        return readers.next();
    }

    static String describe(Throwable e) {
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }
}
