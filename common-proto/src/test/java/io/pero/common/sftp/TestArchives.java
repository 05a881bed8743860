package io.pero.common.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Builds test archives entry by entry, including the hostile ones no sane tool would write. */
final class TestArchives {
    enum Kind { TAR, TAR_GZ, TAR_BZ2, TAR_XZ, ZIP }

    private record Entry(String name, char type, String content) {
    }

    private final List<Entry> entries = new ArrayList<>();

    static TestArchives anArchive() {
        return new TestArchives();
    }

    TestArchives dir(String name) {
        entries.add(new Entry(name, 'd', null));
        return this;
    }

    TestArchives file(String name, String content) {
        entries.add(new Entry(name, 'f', content));
        return this;
    }

    TestArchives symlink(String name, String target) {
        entries.add(new Entry(name, 's', target));
        return this;
    }

    /** Tar only. */
    TestArchives hardLink(String name, String target) {
        entries.add(new Entry(name, 'h', target));
        return this;
    }

    /** Tar only. */
    TestArchives fifo(String name) {
        entries.add(new Entry(name, 'p', null));
        return this;
    }

    Path writeTo(Path file, Kind kind) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file)) {
            switch (kind) {
                case ZIP -> writeZip(raw);
                case TAR -> writeTar(raw);
                case TAR_GZ -> {
                    try (OutputStream c = new GzipCompressorOutputStream(raw)) {
                        writeTar(c);
                    }
                }
                case TAR_BZ2 -> {
                    try (OutputStream c = new BZip2CompressorOutputStream(raw)) {
                        writeTar(c);
                    }
                }
                case TAR_XZ -> {
                    try (OutputStream c = new XZCompressorOutputStream(raw)) {
                        writeTar(c);
                    }
                }
            }
        }
        return file;
    }

    private void writeTar(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (Entry e : entries) {
            TarArchiveEntry te = switch (e.type) {
                case 'd' -> new TarArchiveEntry(e.name.endsWith("/") ? e.name : e.name + "/", true);
                case 's' -> linkEntry(e, TarConstants.LF_SYMLINK);
                case 'h' -> linkEntry(e, TarConstants.LF_LINK);
                case 'p' -> new TarArchiveEntry(e.name, TarConstants.LF_FIFO, true);
                default -> new TarArchiveEntry(e.name, true);
            };
            byte[] data = e.type == 'f' ? e.content.getBytes(StandardCharsets.UTF_8) : new byte[0];
            te.setSize(data.length);
            tar.putArchiveEntry(te);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        tar.finish();
    }

    private static TarArchiveEntry linkEntry(Entry e, byte type) {
        TarArchiveEntry te = new TarArchiveEntry(e.name, type, true);
        te.setLinkName(e.content);
        return te;
    }

    private void writeZip(OutputStream out) throws IOException {
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
        for (Entry e : entries) {
            String name = e.type == 'd' && !e.name.endsWith("/") ? e.name + "/" : e.name;
            ZipArchiveEntry ze = new ZipArchiveEntry(name);
            if (e.type == 's') {
                ze.setUnixMode(0120777);
            } else if (e.type == 'h' || e.type == 'p') {
                throw new IllegalArgumentException("zip has no entry type " + e.type);
            }
            zip.putArchiveEntry(ze);
            if (e.content != null) {
                zip.write(e.content.getBytes(StandardCharsets.UTF_8));
            }
            zip.closeArchiveEntry();
        }
        zip.finish();
    }
}
