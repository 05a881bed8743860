package io.pero.local;

import io.pero.common.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run's OUT directory, checked before anything starts. */
final class OutputDirectory {
    private OutputDirectory() {
    }

    /**
     * Creates {@code dir} (and its parents) if missing. An OUT that cannot hold results fails here, with the reason,
     * before the cluster starts: otherwise every page was read, sent and recognised, and then failed to be written.
     */
    static void prepare(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("pero-local: cannot use -o " + dir + " for the results: " + FileErrors.describe(e), e);
        }
        if (!Files.isWritable(dir)) {
            throw new ConfigException("pero-local: cannot use -o " + dir + " for the results: not writable");
        }
    }
}
