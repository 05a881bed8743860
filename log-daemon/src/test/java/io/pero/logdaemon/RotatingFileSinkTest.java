package io.pero.logdaemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileSinkTest {
    private static final Instant T0 = Instant.parse("2023-08-07T10:00:00Z");

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void appendsLinesInOrderToAFileNamedForItsCreationTime() throws IOException {
        try (RotatingFileSink sink = started(0)) {
            sink.append("first");
            sink.append("second with ünïcode");
            sink.flush();
            assertEquals(List.of("first", "second with ünïcode"), read(LogFileName.of(T0)));
        }
    }

    @Test
    void rotatesOnArrivalAfterThePeriodAndIdleTimerClosesWithoutCreatingEmptyFiles() throws IOException {
        try (RotatingFileSink sink = started(0)) {
            sink.append("a");
            clock.advance(Duration.ofMinutes(10));
            sink.append("b");
            Instant second = clock.instant();
            clock.advance(Duration.ofMinutes(10));
            sink.rotateIfDue();
            assertTrue(sink.currentFile().isEmpty(), "the timer closed the due file");
            clock.advance(Duration.ofMinutes(30));
            sink.rotateIfDue();
            assertEquals(List.of(LogFileName.of(T0), LogFileName.of(second)), ownFiles(), "idle time creates no files");
            assertEquals(List.of("a"), read(LogFileName.of(T0)));
            assertEquals(List.of("b"), read(LogFileName.of(second)));
        }
    }

    @Test
    void retentionKeepsExactlyNOwnFilesAndLeavesOtherFilesAlone() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.writeString(dir.resolve("pero_2023-08-07T10:00:00+00:00.log"), "python original");
        for (int i = 0; i < 3; i++) {
            Files.writeString(dir.resolve(LogFileName.of(T0.minus(Duration.ofDays(10 - i)))), "old " + i);
        }
        try (RotatingFileSink sink = started(2)) {
            assertEquals(2, ownFiles().size(), "startup retention");
            for (int i = 0; i < 5; i++) {
                sink.append("line " + i);
                clock.advance(Duration.ofMinutes(10));
            }
            sink.flush();
            List<String> own = ownFiles();
            assertEquals(List.of(LogFileName.of(T0.plus(Duration.ofMinutes(30))), LogFileName.of(T0.plus(Duration.ofMinutes(40)))), own);
            assertEquals(List.of("line 4"), read(own.get(1)));
        }
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        assertEquals("python original", Files.readString(dir.resolve("pero_2023-08-07T10:00:00+00:00.log")));
    }

    @Test
    void createsAMissingOutputDirectory() throws IOException {
        Path nested = dir.resolve("a/b/logs");
        try (RotatingFileSink sink = new RotatingFileSink(nested, new RotationPolicy(Duration.ofMinutes(1), 0), clock)) {
            sink.start();
            sink.append("x");
        }
        assertEquals(List.of("x"), Files.readAllLines(nested.resolve(LogFileName.of(T0))));
    }

    @Test
    void anOutputPathThatIsAFileIsAConfigError() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "");
        RotatingFileSink sink = new RotatingFileSink(file, new RotationPolicy(Duration.ofMinutes(1), 0), clock);
        ConfigException e = assertThrows(ConfigException.class, sink::start);
        assertTrue(e.getMessage().contains("not-a-dir") && e.getMessage().contains("not writable"), e.getMessage());
    }

    private RotatingFileSink started(int keep) {
        RotatingFileSink sink = new RotatingFileSink(dir, new RotationPolicy(Duration.ofMinutes(10), keep), clock);
        sink.start();
        return sink;
    }

    private List<String> read(String name) throws IOException {
        return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private List<String> ownFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(LogFileName::isOwn).sorted().toList();
        }
    }
}
