package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/pero-local end to end in this JVM: embedded ZooKeeper, Qpid, SFTP, a real OCR worker, the bundled pages. */
class LocalModeIT {
    private static final Path SAMPLES = LocalProcess.SAMPLES;
    private static final List<String> RESULTS = List.of(
            "lept_table.png_page.xml", "lept_table.png_alto.xml", "lept_table.png.txt",
            "tess_phototest.tif_page.xml", "tess_phototest.tif_alto.xml", "tess_phototest.tif.txt");

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static CompletableFuture<Run> start(CountDownLatch stop, String... args) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = LocalMain.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), stop, false, args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theSamplesDirectoryBecomesPageAltoAndTextPerPage() throws Exception {
        Path out = tmp.resolve("out");
        Run run = start(new CountDownLatch(1), SAMPLES.toString(), "-o", out.toString(), "--workers", "1")
                .get(10, TimeUnit.MINUTES);

        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals(RESULTS.stream().sorted().toList(), files(out), "README and ground truth in samples/ are no pages");
        assertTrue(Files.readString(out.resolve("tess_phototest.tif.txt")).contains("quick brown"),
                "the text of the Tesseract test page");
        assertTrue(run.out().contains("pero-local: 2 pages, 2 ok, 0 failed"), run.out());
    }

    @Test
    void anUnreadablePageFailsWithItsReasonWhileTheOtherCompletes() throws Exception {
        Path out = tmp.resolve("out");
        Path bogus = Files.writeString(tmp.resolve("scan.png"), "%PDF-1.4 this is no image");
        Run run = start(new CountDownLatch(1), SAMPLES.resolve("tess_phototest.tif").toString(), bogus.toString(),
                "-o", out.toString(), "--workers", "1").get(10, TimeUnit.MINUTES);

        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(Files.exists(out.resolve("tess_phototest.tif_page.xml")), "the readable page has its results");
        assertTrue(run.out().contains("FAILED scan.png: ocr: "), run.out());
    }

    @Test
    void aRunStoppedMidwayAndStartedAgainWritesEachResultOnce() throws Exception {
        Path out = tmp.resolve("out");
        Path data = tmp.resolve("data");
        String[] args = {SAMPLES.toString(), "-o", out.toString(), "--workers", "1", "--data-dir", data.toString()};
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Run> first = start(stop, args);
        Await.until(Duration.ofMinutes(8), () -> Files.exists(out.resolve("lept_table.png.txt")), "the first page's results");
        stop.countDown();
        Run stopped = first.get(5, TimeUnit.MINUTES);
        Map<String, FileTime> before = modified(out);

        Run resumed = start(new CountDownLatch(1), args).get(10, TimeUnit.MINUTES);

        assertEquals(130, stopped.code(), stopped.out() + stopped.err());
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertEquals(RESULTS.stream().sorted().toList(), files(out));
        for (Map.Entry<String, FileTime> e : before.entrySet()) {
            assertEquals(e.getValue(), Files.getLastModifiedTime(out.resolve(e.getKey())), e.getKey() + " written once");
        }
        List<String> finished = RunJournal.completeLines(data.resolve(LocalCommand.RUN_STATE_DIR).resolve(RunJournal.FINISHED));
        assertEquals(List.of("lept_table.png\tOK", "tess_phototest.tif\tOK"), finished.stream().sorted().toList());
    }

    private static Map<String, FileTime> modified(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.collect(Collectors.toMap(p -> p.getFileName().toString(), p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }
}
