package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void createsAMissingDirectoryWithItsParents() {
        Path out = tmp.resolve("a/b/out");
        OutputDirectory.prepare(out);
        assertTrue(Files.isDirectory(out));
    }

    @Test
    void anExistingDirectoryIsKept() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("earlier.txt"), "x");
        OutputDirectory.prepare(out);
        assertTrue(Files.exists(out.resolve("earlier.txt")));
    }

    @Test
    void aFileGivenAsOutFailsBeforeTheRunWithTheReason() throws Exception {
        Path file = Files.writeString(tmp.resolve("results"), "not a directory");
        ConfigException e = assertThrows(ConfigException.class, () -> OutputDirectory.prepare(file));
        assertEquals("pero-local: cannot use -o " + file + " for the results: " + file + " exists and is not a directory",
                e.getMessage());
    }

    @Test
    void aFileOnTheWayToOutFailsWithTheReason() throws Exception {
        Path file = Files.writeString(tmp.resolve("results"), "not a directory");
        ConfigException e = assertThrows(ConfigException.class, () -> OutputDirectory.prepare(file.resolve("out")));
        assertTrue(e.getMessage().startsWith("pero-local: cannot use -o " + file.resolve("out") + " for the results: "), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
