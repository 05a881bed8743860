package io.pero.cli.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option validation: every case here fails before any connection is attempted (port 1 would refuse). */
class StageConfigOptionsTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-z";
        all[1] = "127.0.0.1:1";
        System.arraycopy(args, 0, all, 2, args.length);
        return StageConfigMain.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), all);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void negativeAdministrativePriorityIsRejectedNamingTheOption() {
        assertEquals(ExitCodes.BAD_CONFIG, run("-n", "ocr", "-a", "-1"));
        assertTrue(stderr().startsWith("error: --administrative-priority -1: must be >= 0"), stderr());
        assertEquals(1, stderr().lines().count(), "one line without --verbose: " + stderr());
    }

    @Test
    void verboseAddsTheStackTrace() {
        assertEquals(ExitCodes.BAD_CONFIG, run("--verbose", "-n", "ocr", "-a", "-1"));
        assertTrue(stderr().lines().count() > 1, stderr());
        assertTrue(stderr().contains("at io.pero.cli.stage.StageConfigCommand"), stderr());
    }

    @Test
    void nonNumericPriorityIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("-n", "ocr", "-a", "high"));
        assertTrue(stderr().startsWith("error: pero-stage-config: "), stderr());
    }

    @Test
    void unknownQueueTypeIsAUsageErrorNamingTheChoices() {
        assertEquals(ExitCodes.USAGE, run("-n", "ocr", "--queue-type", "stream"));
        assertTrue(stderr().contains("queue type must be classic or quorum, not 'stream'"), stderr());
    }

    @Test
    void nothingToDoIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run());
        assertTrue(stderr().contains("nothing to do"), stderr());
    }

    @Test
    void missingConfigFileIsBadInput() {
        assertEquals(ExitCodes.BAD_CONFIG, run("-n", "ocr", "-c", tmp.resolve("missing.ini").toString()));
        assertTrue(stderr().startsWith("error: --config "), stderr());
    }

    @Test
    void missingModelFileIsBadInput() {
        assertEquals(ExitCodes.BAD_CONFIG, run("-n", "ocr", "-r", "pero/m", "-f", tmp.resolve("nope").toString()));
        assertTrue(stderr().startsWith("error: --file "), stderr());
    }

    @Test
    void stageNamesMustBeValidZnodeAndQueueNames() {
        assertEquals(ExitCodes.BAD_CONFIG, run("-n", "a/b"));
        assertTrue(stderr().contains("'/'"), stderr());
        assertEquals(ExitCodes.BAD_CONFIG, run("-n", "amq.x"));
        assertEquals(ExitCodes.BAD_CONFIG, run("-s", ".."));
    }

    @Test
    void configFileLineEndingsAreNormalisedAsPythonTextModeDoes() throws Exception {
        Path ini = tmp.resolve("config.ini");
        Files.write(ini, "[WORKER]\r\nDUMMY=yes\rX=1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("[WORKER]\nDUMMY=yes\nX=1\n", ConfigFiles.readText(ini));
    }

    @Test
    void unreachableZooKeeperIsExitCodeFourNamingTheServer() {
        int code = run("--connect-timeout", "1", "-i");
        assertEquals(ExitCodes.UNREACHABLE, code, stderr());
        assertTrue(stderr().contains("127.0.0.1:1"), stderr());
    }
}
