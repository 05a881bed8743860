package io.pero.ocr.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which files of a directory are page images: the one rule behind {@code pero-ocr DIR} and {@code pero-local DIR}.
 * A file counts by its image extension or by content that starts like an image; hidden files are left out.
 */
public final class ImageFiles {
    /** Enough leading bytes for every signature {@link ImageFormat#looksLikeImage} checks. */
    private static final int SNIFF_BYTES = 32;
    /**
     * A file in a directory whose name says it is an image is taken even when its content does not look like one, so
     * that a damaged scan is reported instead of silently left out.
     */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "jpe", "tif", "tiff", "bmp", "gif", "webp", "jp2", "avif", "heic");

    private ImageFiles() {
    }

    /** The images directly inside {@code dir}, in name order. */
    public static List<Path> inDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        List<Path> images = new ArrayList<>();
        for (Path file : files) {
            if (hasImageExtension(file) || startsLikeAnImage(file)) {
                images.add(file);
            }
        }
        return images;
    }

    private static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean startsLikeAnImage(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // ImageFormat, not ImageDecoder: choosing files needs no OpenCV, whose native library (loaded by
            // ImageDecoder) takes half a second that pero-local spends starting its services meanwhile.
            return ImageFormat.looksLikeImage(in.readNBytes(SNIFF_BYTES));
        }
    }
}
