package io.pero.local;

import io.pero.ocr.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of one run from the command-line arguments: a file is a page as given (a file that is not an image still
 * goes to OCR, which reports why it cannot be read); a directory contributes the images directly inside it, by
 * content or extension, in name order (the engine's rule, {@link ImageFiles}). A page is known by its file name, which is also what its result files are named after.
 */
final class Pages {
    /** One page: its name (unique in the run) and its file. */
    record Page(String name, Path file) {
    }

    private Pages() {
    }

    /**
     * @throws IllegalArgumentException naming every argument that does not exist, every directory without images and
     *                                  every file name given twice
     */
    static List<Page> expand(List<Path> arguments) {
        Map<String, Page> byName = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Path arg : arguments) {
            if (Files.isDirectory(arg)) {
                List<Path> images = imagesIn(arg, errors);
                if (images.isEmpty()) {
                    errors.add(arg + ": no images in this directory");
                }
                images.forEach(p -> add(byName, p, errors));
            } else if (Files.isRegularFile(arg)) {
                add(byName, arg, errors);
            } else {
                errors.add(arg + ": no such file or directory");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return List.copyOf(byName.values());
    }

    private static List<Path> imagesIn(Path dir, List<String> errors) {
        try {
            return ImageFiles.inDirectory(dir);
        } catch (IOException e) {
            errors.add(dir + ": cannot list: " + e.getMessage());
            return List.of();
        }
    }

    private static void add(Map<String, Page> byName, Path file, List<String> errors) {
        String name = file.getFileName().toString();
        Page earlier = byName.putIfAbsent(name, new Page(name, file));
        if (earlier != null && !earlier.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            // Results are named after the page's file name, so two pages of one name would overwrite each other.
            errors.add(file + ": same file name as " + earlier.file() + " (results are named after the file name)");
        }
    }
}
