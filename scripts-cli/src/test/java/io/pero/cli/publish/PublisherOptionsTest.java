package io.pero.cli.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ExitCodes;
import io.pero.proto.ProcessingRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option validation and --gen-msg-only; none of these reach a server (-s points at a closed port). */
class PublisherOptionsTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PublisherMain.run(new PrintStream(out, true), new PrintStream(err, true), new CountDownLatch(1), args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void uploadWithoutStagesIsAUsageError() throws Exception {
        Path img = Files.writeString(tmp.resolve("a.png"), "x");
        assertEquals(ExitCodes.USAGE, run("-s", "127.0.0.1:1", "-i", img.toString()));
        assertTrue(stderr().contains("no processing stages"), stderr());
    }

    @Test
    void uploadWithoutFilesIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("-s", "127.0.0.1:1", "-t", "ocr", "out"));
        assertTrue(stderr().contains("no input files"), stderr());
    }

    @Test
    void missingImageIsBadInputAndNothingIsSent() {
        assertEquals(ExitCodes.BAD_CONFIG, run("-s", "127.0.0.1:1", "-t", "ocr", "out", "-i", tmp.resolve("none.png").toString()));
        assertTrue(stderr().startsWith("error: --images "), stderr());
    }

    @Test
    void aMaxMessageSizeBelowOneByteIsBadInput() throws Exception {
        Path img = Files.writeString(tmp.resolve("a.png"), "x");
        assertEquals(ExitCodes.BAD_CONFIG, run("-s", "127.0.0.1:1", "-t", "ocr", "out", "-i", img.toString(),
                "--max-message-size", "0"));
        assertTrue(stderr().contains("--max-message-size 0: must be at least 1 byte"), stderr());
    }

    @Test
    void downloadNeedsADirectoryAndCreatesAMissingOne() throws Exception {
        assertEquals(ExitCodes.USAGE, run("-s", "127.0.0.1:1", "-d", "out"));
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertEquals(ExitCodes.BAD_CONFIG, run("-s", "127.0.0.1:1", "-d", "out", "-r", file.toString()));
        Path missing = tmp.resolve("missing").resolve("results");
        run("-s", "127.0.0.1:1", "-d", "out", "-r", missing.toString());
        assertTrue(Files.isDirectory(missing), "the download directory was created");
    }

    @Test
    void priorityOutsideTheAmqpRangeIsBadInput() throws Exception {
        Path img = Files.writeString(tmp.resolve("a.png"), "x");
        assertEquals(ExitCodes.BAD_CONFIG, run("-s", "127.0.0.1:1", "-t", "o", "-i", img.toString(), "-y", "300"));
    }

    @Test
    void badMqServerIsBadInput() throws Exception {
        Path img = Files.writeString(tmp.resolve("a.png"), "x");
        assertEquals(ExitCodes.BAD_CONFIG, run("-s", "mq:70000", "-t", "o", "-i", img.toString()));
        assertTrue(stderr().startsWith("error: --mq-servers: "), stderr());
    }

    @Test
    void genMsgOnlyWritesOneParseableRequestPerImageWithoutAnyServer() throws Exception {
        Path img = Files.write(tmp.resolve("scan.jpg"), new byte[] {1, 2, 3});
        Path dir = Files.createDirectory(tmp.resolve("msgs"));
        assertEquals(ExitCodes.OK, run("--gen-msg-only", "-r", dir.toString(), "-t", "ocr", "out", "-y", "1", "-i", img.toString()));
        List<Path> written;
        try (Stream<Path> s = Files.list(dir)) {
            written = s.toList();
        }
        assertEquals(1, written.size());
        ProcessingRequest r = ProcessingRequest.parseFrom(Files.readAllBytes(written.get(0)));
        assertEquals(r.getUuid() + ".protobuf", written.get(0).getFileName().toString());
        assertTrue(r.getUuid().matches("[0-9a-f]{32}"), r.getUuid());
        assertEquals(List.of("ocr", "out"), r.getProcessingStagesList());
        assertEquals(1, r.getPriority());
        assertEquals("scan.jpg", r.getResults(0).getName());
        assertEquals(3, r.getResults(0).getContent().size());
    }
}
