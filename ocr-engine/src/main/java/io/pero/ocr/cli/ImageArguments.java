package io.pero.ocr.cli;

import io.pero.ocr.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the command's IMAGE arguments into the list of images to read. A file argument is taken as given (a
 * non-image then gets its own error from the batch); a directory argument stands for the images directly inside it,
 * in name order, so {@code pero-ocr samples -o out} skips the README and ground-truth files beside the pages.
 */
final class ImageArguments {
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
                List<Path> found = ImageFiles.inDirectory(argument);
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
}
