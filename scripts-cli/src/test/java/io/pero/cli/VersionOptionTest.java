package io.pero.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.version.PeroVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every tool prints the build's version with -V/--version; pero-stage-config keeps --version for the config version. */
class VersionOptionTest {
    private static String run(Tool tool, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = tool.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), args);
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private interface Tool {
        int run(PrintStream out, PrintStream err, String... args);
    }

    @Test
    void versionIsTheBuildsProjectVersion() {
        assertTrue(PeroVersion.build().matches("\\d+\\.\\d+\\.\\d+.*"), PeroVersion.build());
        assertEquals("pero-stats " + PeroVersion.build() + " (pero-worker for the JVM)",
                run(io.pero.cli.stats.StatsMain::run, "--version"));
        assertEquals("pero-server-config " + PeroVersion.build() + " (pero-worker for the JVM)",
                run(io.pero.cli.server.ServerConfigMain::run, "-V"));
        assertEquals("pero-stage-config " + PeroVersion.build() + " (pero-worker for the JVM)",
                run(io.pero.cli.stage.StageConfigMain::run, "-V"));
    }
}
