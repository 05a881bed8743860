package io.pero.ocr.stage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads a tar.gz back for the tests, checking each header's checksum and ustar magic like any tar reader does. */
final class TarReader {
    private TarReader() {
    }

    static Map<String, byte[]> read(Path archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            while (true) {
                byte[] h = in.readNBytes(512);
                if (h.length < 512 || isZero(h)) {
                    return entries;
                }
                long sum = 0;
                for (int i = 0; i < 512; i++) {
                    sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xFF);
                }
                if (sum != Long.parseLong(field(h, 148, 8).trim(), 8)) {
                    throw new IOException("bad header checksum");
                }
                if (!field(h, 257, 6).equals("ustar")) {
                    throw new IOException("not ustar");
                }
                String prefix = field(h, 345, 155);
                String name = (prefix.isEmpty() ? "" : prefix + "/") + field(h, 0, 100);
                int size = Integer.parseInt(field(h, 124, 12).trim(), 8);
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                content.write(in.readNBytes(size));
                in.readNBytes((512 - size % 512) % 512);
                entries.put(name, content.toByteArray());
            }
        }
    }

    private static String field(byte[] h, int offset, int length) {
        int end = offset;
        while (end < offset + length && h[end] != 0) {
            end++;
        }
        return new String(h, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
