package io.pero.ocr.image;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Image container formats recognised from their first bytes (never from the file name, which may lie). */
// Differs from the original: it took anything libmagic calls image/* and OpenCV decodes (also JPEG 2000, PNM, ...);
// here an explicit list, each with a header parser so the pixel limit is checked before decoding.
enum ImageFormat {
    PNG("PNG", "png"),
    JPEG("JPEG", "jpeg"),
    TIFF("TIFF", "tiff"),
    BMP("BMP", "bmp"),
    GIF("GIF", "gif"),
    WEBP("WebP", null);

    private final String label;
    private final String imageIoName;

    ImageFormat(String label, String imageIoName) {
        this.label = label;
        this.imageIoName = imageIoName;
    }

    String label() {
        return label;
    }

    /** The ImageIO format name whose reader parses this format's header, empty when ImageIO has none. */
    Optional<String> imageIoName() {
        return Optional.ofNullable(imageIoName);
    }

    /** Whether the bytes start like an image: one decoded here, or one recognised and refused with a clear error. */
    static boolean looksLikeImage(byte[] bytes) {
        return bytes != null && (sniff(bytes).isPresent() || sniffUnsupported(bytes).isPresent());
    }

    static Optional<ImageFormat> sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, 0, 'I', 'I', 42, 0) || startsWith(b, 0, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        if (startsWith(b, 0, 'B', 'M') && b.length >= 26) {
            return Optional.of(BMP);
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** Names formats we recognise but do not decode, so the error says what the file is. */
    static Optional<String> sniffUnsupported(byte[] b) {
        if (startsWith(b, 4, 'f', 't', 'y', 'p')) {
            String brand = new String(b, 8, Math.min(4, Math.max(0, b.length - 8)), StandardCharsets.ISO_8859_1);
            return Optional.of(brand.startsWith("avi") ? "AVIF" : brand.startsWith("he") || brand.startsWith("mif")
                    ? "HEIF/HEIC" : "ISO media (" + brand.trim() + ")");
        }
        if (startsWith(b, 0, 0x00, 0x00, 0x00, 0x0C, 'j', 'P', ' ', ' ') || startsWith(b, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
            return Optional.of("JPEG 2000");
        }
        if (startsWith(b, 0, '8', 'B', 'P', 'S')) {
            return Optional.of("Photoshop PSD");
        }
        if (startsWith(b, 0, 'I', 'I', 0x2B, 0) || startsWith(b, 0, 'M', 'M', 0, 0x2B)) {
            return Optional.of("BigTIFF");
        }
        return Optional.empty();
    }

    static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
