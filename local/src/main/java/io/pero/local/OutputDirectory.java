package io.pero.local;

import io.pero.common.config.ConfigException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The run's OUT directory: checked before anything starts, and why a result could not be written there. */
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
            throw new ConfigException("pero-local: cannot use -o " + dir + " for the results: " + describe(e), e);
        }
        if (!Files.isWritable(dir)) {
            throw new ConfigException("pero-local: cannot use -o " + dir + " for the results: not writable");
        }
    }

    /** What went wrong, in words: several of Java's file exceptions carry only the path as their message. */
    static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a directory";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or directory";
        }
        return String.valueOf(e.getMessage());
    }
}
