package io.pero.worker.stage;

import java.io.IOException;
import java.nio.file.Path;

/** Unpacks a downloaded model archive into the stage directory, refusing entries that escape it. */
@FunctionalInterface
public interface ArchiveExtractor {
    void extract(Path archive, Path targetDirectory) throws IOException;
}
