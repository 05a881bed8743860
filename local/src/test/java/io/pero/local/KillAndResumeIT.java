package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pero-local with {@code --data-dir}, killed with kill -9 in mid-run and started again: every page's result once, and
 * the resumed run does not wait for the dead run's workers to expire in ZooKeeper. While the first run lives, a second
 * one on the same data directory is refused.
 */
class KillAndResumeIT {
    private static final int PAGES = 12;

    @TempDir
    Path tmp;

    @Test
    void aRunKilledMidwayIsFinishedByTheNextWithEachPageOnce() throws Exception {
        Path pages = LocalProcess.pages(tmp, "pages", PAGES);
        Path out = tmp.resolve("out");
        Path data = tmp.resolve("data");
        String[] args = {pages.toString(), "-o", out.toString(), "--workers", "1", "--data-dir", data.toString()};
        Path firstDir = Files.createDirectories(tmp.resolve("first"));
        Process first = LocalProcess.start(firstDir, args);
        ByteArrayOutputStream refusedErr = new ByteArrayOutputStream();
        int refused;
        try {
            Await.until(Duration.ofMinutes(5), () -> LocalProcess.results(out) > 0, "a first result");
            refused = LocalMain.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(refusedErr, true, StandardCharsets.UTF_8), new CountDownLatch(1), false, args);
        } finally {
            first.destroyForcibly();
            assertTrue(first.waitFor(1, TimeUnit.MINUTES), "killed");
        }
        long beforeResume = LocalProcess.results(out);

        Path secondDir = Files.createDirectories(tmp.resolve("second"));
        Process second = LocalProcess.start(secondDir, args);
        assertTrue(second.waitFor(5, TimeUnit.MINUTES), "the resumed run ended");

        assertEquals(3, refused, "a second run on the same data directory while the first lives");
        assertTrue(refusedErr.toString(StandardCharsets.UTF_8).contains("is in use by another pero-local (pid " + first.pid() + ")"),
                refusedErr.toString(StandardCharsets.UTF_8));
        assertTrue(beforeResume < PAGES, "killed in mid-run, with " + beforeResume + " pages done");
        String stdout = Files.readString(secondDir.resolve("stdout.txt"), StandardCharsets.UTF_8);
        assertEquals(0, second.exitValue(), stdout + Files.readString(secondDir.resolve("stderr.txt"), StandardCharsets.UTF_8));
        assertTrue(stdout.contains("pero-local: " + PAGES + " pages, " + PAGES + " ok, 0 failed"), stdout);
        assertEquals(PAGES, LocalProcess.results(out));
        List<String> finished = RunJournal.completeLines(data.resolve(LocalCommand.RUN_STATE_DIR).resolve(RunJournal.FINISHED));
        assertEquals(IntStream.rangeClosed(1, PAGES).mapToObj(i -> "page" + i + ".tif\tOK").sorted().toList(),
                finished.stream().sorted().toList(), "each page finished once");
        String log = Files.readString(data.resolve("pero-local.log"), StandardCharsets.UTF_8);
        assertFalse(log.contains("still has its connected node"), "the resumed worker waited for the killed run's session");
    }
}
