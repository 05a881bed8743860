package io.pero.logdaemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDaemonMainTest {
    @TempDir
    Path dir;
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return LogDaemonMain.run(new PrintWriter(err, true), args);
    }

    @Test
    void unwritableOutputDirectoryIsExit3BeforeAnyConnection() throws IOException {
        Path file = Files.writeString(dir.resolve("occupied"), "a file, not a directory");
        // Port 1 is never a ZooKeeper: reaching for it would fail differently (exit 4).
        assertEquals(ExitCodes.BAD_CONFIG, run("-z", "127.0.0.1:1", "-o", file.toString()));
        assertTrue(err.toString().startsWith("error: output directory ") && err.toString().contains("not writable"), err.toString());
    }

    @Test
    void missingZooKeeperIsExit3NamingTheOption() {
        assertEquals(ExitCodes.BAD_CONFIG, run("-o", dir.toString()));
        assertTrue(err.toString().contains("give -z HOST[:PORT]"), err.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("--no-such-option"));
    }
}
