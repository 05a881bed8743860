package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FileErrorsTest {
    @Test
    void fileExceptionsThatCarryOnlyAPathAreDescribed() {
        assertEquals("/o/x: permission denied", FileErrors.describe(new AccessDeniedException("/o/x")));
        assertEquals("/o/x: no such file or directory", FileErrors.describe(new NoSuchFileException("/o/x")));
        assertEquals("disk full", FileErrors.describe(new java.io.IOException("disk full")));
    }
}
