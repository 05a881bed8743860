package io.pero.ocr.image;

/** Width and height of a WebP image from its RIFF header (lossy VP8, lossless VP8L or extended VP8X). */
final class WebpHeader {
    private WebpHeader() {
    }

    static ImageHeader read(byte[] b, String name) {
        if (b.length < 30) {
            throw new BadImageException(name, "truncated WebP (" + b.length + " bytes)");
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (chunk) {
            case "VP8X" -> new ImageHeader(ImageFormat.WEBP, 1 + u24(b, 24), 1 + u24(b, 27));
            case "VP8L" -> {
                int bits = (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
                yield new ImageHeader(ImageFormat.WEBP, 1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF));
            }
            case "VP8 " -> new ImageHeader(ImageFormat.WEBP, u16(b, 26) & 0x3FFF, u16(b, 28) & 0x3FFF);
            default -> throw new BadImageException(name, "corrupt WebP header (unknown chunk '" + chunk.strip() + "')");
        };
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    private static int u24(byte[] b, int off) {
        return u16(b, off) | (b[off + 2] & 0xFF) << 16;
    }
}
