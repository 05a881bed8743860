package io.pero.local;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** A file operation's failure in words, for the run's messages: several of Java's file exceptions carry only the path. */
final class FileErrors {
    private FileErrors() {
    }

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
