package io.pero.ocr.image;

/**
 * Structural checks of JPEG and PNG containers before decoding. OpenCV's JPEG decoder fills a truncated image with
 * grey and only prints a warning, so a cut-off upload would be "recognised" silently; these checks turn that into an
 * error naming the problem. They walk segment/chunk headers only and do not look at compressed pixel data.
 */
final class ContainerCheck {
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    private ContainerCheck() {
    }

    static void check(byte[] b, ImageFormat format, String name) {
        switch (format) {
            case JPEG -> checkJpeg(b, name);
            case PNG -> checkPng(b, name);
            default -> {
                // TIFF, BMP, GIF and WebP are validated by their decoders, which fail on truncation.
            }
        }
    }

    static void checkJpeg(byte[] b, String name) {
        int sos = findStartOfScan(b, name);
        for (int i = b.length - 2; i > sos; i--) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == EOI) {
                return;
            }
        }
        throw new BadImageException(name, "truncated JPEG (no end-of-image marker after the image data)");
    }

    private static int findStartOfScan(byte[] b, String name) {
        int pos = 2;
        while (true) {
            if (pos + 1 >= b.length) {
                throw new BadImageException(name, "truncated JPEG (ends inside the header, at byte " + pos + ")");
            }
            if ((b[pos] & 0xFF) != 0xFF) {
                throw new BadImageException(name, "corrupt JPEG (no marker at byte " + pos + ")");
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == EOI) {
                throw new BadImageException(name, "corrupt JPEG (end-of-image before any image data)");
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            if (pos + 3 >= b.length) {
                throw new BadImageException(name, "truncated JPEG (ends inside the header, at byte " + pos + ")");
            }
            int length = (b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF);
            if (length < 2) {
                throw new BadImageException(name, "corrupt JPEG (segment length " + length + " at byte " + pos + ")");
            }
            if (marker == SOS) {
                return pos;
            }
            pos += 2 + length;
        }
    }

    static void checkPng(byte[] b, String name) {
        int pos = 8;
        boolean first = true;
        boolean sawData = false;
        while (true) {
            if (pos + 8 > b.length) {
                throw new BadImageException(name, "truncated PNG (ends at byte " + b.length + ", before the IEND chunk)");
            }
            long length = u32(b, pos);
            String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (first && !type.equals("IHDR")) {
                throw new BadImageException(name, "corrupt PNG (first chunk is '" + printable(type) + "', not IHDR)");
            }
            first = false;
            if (pos + 12 + length > b.length) {
                throw new BadImageException(name, "truncated PNG (chunk " + printable(type) + " at byte " + pos
                        + " needs " + length + " bytes, the file ends at byte " + b.length + ")");
            }
            sawData |= type.equals("IDAT");
            if (type.equals("IEND")) {
                if (!sawData) {
                    throw new BadImageException(name, "corrupt PNG (no image data)");
                }
                return;
            }
            pos += (int) (12 + length);
        }
    }

    private static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24) | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    private static String printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? s : "?";
    }
}
