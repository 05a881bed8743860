package io.pero.ocr.image;

import java.util.Locale;
import io.pero.ocr.engine.OpenCv;
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an uploaded page image into the 8-bit 3-channel BGR {@link Mat} the OCR engine reads.
 * <ul>
 *   <li>Formats, recognised from the content (not the name): PNG, JPEG, TIFF, BMP, GIF, WebP.</li>
 *   <li><b>TIFF and GIF: only the first page/frame is read</b>; further TIFF pages are ignored (logged at DEBUG).</li>
 *   <li>Grayscale and palette images become BGR; 16-bit samples are scaled to the full 8-bit range (65535 to 255);
 *       transparency is composited on white; CMYK and YCCK JPEGs (Adobe convention) are converted to RGB colours;
 *       JPEG EXIF orientation is applied, as OpenCV's {@code IMREAD_COLOR} does for pero-ocr.</li>
 *   <li>Before any pixel is decoded the header's width and height are checked against a pixel limit, so an image
 *       bomb (say 20000×20000, 1.2 GB as BGR) is refused instead of exhausting native memory.</li>
 * </ul>
 * Everything that cannot become an image ends in a {@link BadImageException} whose message names the image and the
 * problem. The caller owns the returned Mat and must {@link Mat#release()} it.
 */
public final class ImageDecoder {
    /** Default pixel limit: 200 megapixels, e.g. an A3 scan at 1200 dpi (about 14000×19800). */
    public static final long DEFAULT_MAX_PIXELS = 200_000_000L;
    private static final Logger log = LoggerFactory.getLogger(ImageDecoder.class);

    static {
        OpenCv.load();
    }

    private ImageDecoder() {
    }

    /**
     * Whether the bytes start like an image (of a format decoded here, or one recognised and refused with a clear
     * error), judged from the content like the original's libmagic check: lets a caller pick the image among a
     * request's attachments without decoding anything.
     */
    public static boolean looksLikeImage(byte[] bytes) {
        return ImageFormat.looksLikeImage(bytes);
    }

    /** Decodes with the {@linkplain #DEFAULT_MAX_PIXELS default pixel limit}. */
    public static Mat decode(byte[] bytes, String name) {
        return decode(bytes, name, DEFAULT_MAX_PIXELS);
    }

    /**
     * @param name      the image's name, used in error messages only
     * @param maxPixels images with more pixels (width × height) are refused before decoding
     */
    public static Mat decode(byte[] bytes, String name, long maxPixels) {
        if (bytes == null || bytes.length == 0) {
            throw new BadImageException(name, "empty file (0 bytes)");
        }
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> unrecognised(bytes, name));
        ContainerCheck.check(bytes, format, name);
        ImageHeader header = ImageHeaderReader.read(bytes, format, name);
        checkSize(header, maxPixels, name);
        if (format == ImageFormat.TIFF && log.isDebugEnabled()) {
            logExtraPages(bytes, name);
        }
        long start = System.nanoTime();
        Mat raw = format == ImageFormat.GIF
                ? ImageIoDecoding.decodeFirstFrame(bytes, format, name)
                : decodeWithOpenCv(bytes, format, name);
        Mat bgr = PixelNormalizer.toBgr8(raw, name);
        log.debug("image decoded name={} format={} width={} height={} took_ms={}", name, format.label(), bgr.cols(),
                bgr.rows(), (System.nanoTime() - start) / 1_000_000);
        return bgr;
    }

    private static Mat decodeWithOpenCv(byte[] bytes, ImageFormat format, String name) {
        // IMREAD_COLOR for JPEG applies EXIF orientation and converts CMYK; the others keep depth and alpha so
        // PixelNormalizer can scale 16-bit samples and composite transparency on white.
        int flags = format == ImageFormat.JPEG ? Imgcodecs.IMREAD_COLOR : Imgcodecs.IMREAD_UNCHANGED;
        MatOfByte buffer = new MatOfByte(bytes);
        try {
            Mat mat = Imgcodecs.imdecode(buffer, flags);
            if (mat.empty()) {
                mat.release();
                throw new BadImageException(name, "corrupt or truncated " + format.label() + " data");
            }
            return mat;
        } catch (CvException e) {
            throw new BadImageException(name, "corrupt " + format.label() + " data (" + e.getMessage() + ")", e);
        } finally {
            buffer.release();
        }
    }

    // Differs from the original: no pixel limit there; a decompression bomb could exhaust the worker's memory.
    static void checkSize(ImageHeader header, long maxPixels, String name) {
        if (header.width() <= 0 || header.height() <= 0) {
            throw new BadImageException(name, "image has no pixels (" + header.width() + "x" + header.height() + ")");
        }
        if (header.pixels() > maxPixels) {
            throw new BadImageException(name, String.format(Locale.ROOT,
                    "image is %dx%d pixels (%.1f megapixels), over the limit of %.1f megapixels",
                    header.width(), header.height(), header.pixels() / 1e6, maxPixels / 1e6));
        }
    }

    private static void logExtraPages(byte[] bytes, String name) {
        int pages = ImageHeaderReader.tiffPageCount(bytes);
        if (pages > 1) {
            log.debug("multi-page tiff, only the first page is read name={} pages={}", name, pages);
        }
    }

    private static BadImageException unrecognised(byte[] bytes, String name) {
        return ImageFormat.sniffUnsupported(bytes)
                .map(kind -> new BadImageException(name, "unsupported image format " + kind
                        + " (supported: PNG, JPEG, TIFF, BMP, GIF, WebP)"))
                .orElseGet(() -> new BadImageException(name, "not an image (starts with " + leadingBytes(bytes) + ")"));
    }

    /** The first up to four bytes: quoted when they are printable ASCII (e.g. '%PDF'), else as hex. */
    static String leadingBytes(byte[] bytes) {
        int n = Math.min(4, bytes.length);
        StringBuilder text = new StringBuilder();
        StringBuilder hex = new StringBuilder();
        boolean printable = true;
        for (int i = 0; i < n; i++) {
            int c = bytes[i] & 0xFF;
            printable &= c >= 0x20 && c < 0x7F;
            text.append((char) c);
            hex.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", c));
        }
        return printable ? "'" + text + "'" : "bytes " + hex;
    }
}
