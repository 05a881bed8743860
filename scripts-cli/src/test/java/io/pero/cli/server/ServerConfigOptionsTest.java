package io.pero.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServerConfigOptionsTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ServerConfigMain.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), args);
    }

    @Test
    void badEntryIsExitThreeBeforeAnyConnection() {
        assertEquals(ExitCodes.BAD_CONFIG, run("-z", "127.0.0.1:1", "--add-mq-servers", "ok:1", "no_such:port"));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.startsWith("error: server config: --add-mq-servers: bad server entry 'no_such:port'"), stderr);
    }

    @Test
    void noOptionsIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run());
    }

    @Test
    void badZooKeeperAddressIsBadInput() {
        assertEquals(ExitCodes.BAD_CONFIG, run("-z", "host:notaport", "--list-mq-servers"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: --zookeeper: "), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpIsExitZero() {
        assertEquals(ExitCodes.OK, run("--help"));
    }
}
