package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
    @TempDir
    Path tmp;

    @Test
    void aHeldDataDirectoryIsRefusedWithTheHoldersPidAndFreeAgainAfterClose() throws Exception {
        Path data = tmp.resolve("data");
        String pid = Long.toString(ProcessHandle.current().pid());
        try (DataDirLock held = DataDirLock.acquire(data)) {
            assertEquals(pid, Files.readString(data.resolve(DataDirLock.FILE)).trim());
            ConfigException e = assertThrows(ConfigException.class, () -> DataDirLock.acquire(data));
            assertEquals("pero-local: --data-dir " + data + " is in use by another pero-local (pid " + pid
                    + "); one run per data directory", e.getMessage());
        }
        try (DataDirLock again = DataDirLock.acquire(data)) {
            assertTrue(Files.exists(data.resolve(DataDirLock.FILE)));
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsRefusedWithTheReason() throws Exception {
        Path file = Files.writeString(tmp.resolve("data"), "a file");
        ConfigException e = assertThrows(ConfigException.class, () -> DataDirLock.acquire(file));
        assertTrue(e.getMessage().startsWith("pero-local: cannot use --data-dir " + file + ": "), e.getMessage());
    }
}
