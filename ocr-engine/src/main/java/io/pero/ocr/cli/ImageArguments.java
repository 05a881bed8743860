package io.pero.ocr.cli;

import io.pero.ocr.image.ImageDecoder;
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
 * Turns the command's IMAGE arguments into the list of images to read. A file argument is taken as given (a
 * non-image then gets its own error from the batch); a directory argument stands for the images directly inside it,
 * in name order, so {@code pero-ocr samples -o out} skips the README and ground-truth files beside the pages.
 */
final class ImageArguments {
    /** Enough leading bytes for every signature {@link ImageDecoder#looksLikeImage} checks. */
    private static final int SNIFF_BYTES = 32;
    /**
     * A file in a directory whose name says it is an image is taken even when its content does not look like one, so
     * that a damaged scan is reported instead of silently left out.
     */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "jpe", "tif", "tiff", "bmp", "gif", "webp", "jp2", "avif", "heic");

    /**
     * @param images the images to read, in argument order
     * @param errors one message per directory argument that could not be listed or holds no image
     */
    record Expanded(List<Path> images, List<String> errors) {
    }

    private ImageArguments() {
    }

    static Expanded expand(List<Path> arguments) {
        List<Path> images = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                images.add(argument);
                continue;
            }
            try {
                List<Path> found = imagesIn(argument);
                if (found.isEmpty()) {
                    errors.add(argument + ": directory holds no images");
                }
                images.addAll(found);
            } catch (IOException e) {
                errors.add(argument + ": cannot list the directory: " + e.getMessage());
            }
        }
        return new Expanded(images, errors);
    }

    private static List<Path> imagesIn(Path dir) throws IOException {
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
            return ImageDecoder.looksLikeImage(in.readNBytes(SNIFF_BYTES));
        }
    }
}
