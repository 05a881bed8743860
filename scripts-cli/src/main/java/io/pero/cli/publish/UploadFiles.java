package io.pero.cli.publish;

import io.pero.common.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The files to upload: every {@code -i} file, then every regular file directly in {@code -r}, by name. */
final class UploadFiles {
    private static final Logger log = LoggerFactory.getLogger(UploadFiles.class);

    List<Path> collect(List<Path> images, Path directory) {
        List<Path> files = new ArrayList<>();
        for (Path image : images) {
            // Differs from the original: a missing -i file stops the run before anything is published.
            if (!Files.isRegularFile(image) || !Files.isReadable(image)) {
                throw new ConfigException("--images " + image + ": not a readable file");
            }
            files.add(image);
        }
        if (directory != null) {
            files.addAll(listDirectory(directory));
        }
        return files;
    }

    private static List<Path> listDirectory(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> files = new ArrayList<>();
            // Differs from the original: files in name order, not os.listdir() order, so runs are repeatable.
            for (Path entry : entries.sorted().toList()) {
                if (Files.isRegularFile(entry)) {
                    files.add(entry);
                } else {
                    log.warn("not a file, skipped path={}", entry);
                }
            }
            return files;
        } catch (IOException e) {
            throw new ConfigException("--directory " + directory + ": cannot list: " + e.getMessage(), e);
        }
    }
}
