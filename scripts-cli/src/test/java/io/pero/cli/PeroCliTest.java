package io.pero.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.common.config.ExitCodes;
import org.junit.jupiter.api.Test;

class PeroCliTest {
    @Test
    void unknownOrMissingToolIsAUsageError() {
        assertEquals(ExitCodes.USAGE, PeroCli.run());
        assertEquals(ExitCodes.USAGE, PeroCli.run("frobnicate"));
    }

    @Test
    void toolsAreReachedByName() {
        assertEquals(ExitCodes.OK, PeroCli.run("server-config", "--help"));
        assertEquals(ExitCodes.OK, PeroCli.run("publisher", "--help"));
    }
}
