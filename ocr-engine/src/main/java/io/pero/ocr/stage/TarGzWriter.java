package io.pero.ocr.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzip-compressed POSIX ustar archive of regular files. Small on purpose (the module has no archive
 * library): plain files only, mode 0644, owner 0, names up to 255 bytes split into ustar's prefix and name fields.
 * Python's tarfile (the original worker) and commons-compress (this project's worker) both read it.
 */
final class TarGzWriter implements AutoCloseable {
    private static final int BLOCK = 512;
    private static final long MAX_SIZE = 077777777777L; // 11 octal digits: 8 GiB

    private final OutputStream out;

    TarGzWriter(OutputStream target) throws IOException {
        this.out = new GZIPOutputStream(target, 64 * 1024);
    }

    void addFile(String entryName, Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_SIZE) {
            throw new IOException(file + " is larger than 8 GiB, the ustar limit");
        }
        long mtime = Files.getLastModifiedTime(file).toMillis() / 1000;
        out.write(header(entryName, size, mtime));
        long copied;
        try (InputStream in = Files.newInputStream(file)) {
            copied = in.transferTo(out);
        }
        if (copied != size) {
            throw new IOException(file + " changed size while being archived");
        }
        int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
        out.write(new byte[pad]);
    }

    static byte[] header(String entryName, long size, long mtime) throws IOException {
        byte[] h = new byte[BLOCK];
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        int split = splitPoint(name, entryName);
        put(h, 0, Arrays.copyOfRange(name, split == 0 ? 0 : split + 1, name.length));
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        Arrays.fill(h, 148, 156, (byte) ' ');
        h[156] = '0';
        put(h, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 263, "00".getBytes(StandardCharsets.US_ASCII));
        put(h, 345, Arrays.copyOfRange(name, 0, split));
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        octal(h, 148, 7, sum); // six digits and a NUL, then the space already there
        return h;
    }

    /** Where to split a long name into prefix and name (0 when it fits the 100-byte name field). */
    private static int splitPoint(byte[] name, String entryName) throws IOException {
        if (name.length <= 100) {
            return 0;
        }
        for (int i = Math.min(155, name.length - 1); i > 0; i--) {
            if (name[i] == '/' && name.length - i - 1 <= 100) {
                return i;
            }
        }
        throw new IOException("path too long for a tar archive: " + entryName);
    }

    private static void put(byte[] h, int offset, byte[] value) {
        System.arraycopy(value, 0, h, offset, value.length);
    }

    /** Zero-padded octal digits filling {@code width - 1} bytes, then NUL. */
    private static void octal(byte[] h, int offset, int width, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(width - 1 - digits.length()) + digits;
        put(h, offset, padded.getBytes(StandardCharsets.US_ASCII));
        h[offset + width - 1] = 0;
    }

    @Override
    public void close() throws IOException {
        out.write(new byte[2 * BLOCK]); // end-of-archive marker
        out.close();
    }
}
