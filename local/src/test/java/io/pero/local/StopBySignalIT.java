package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pero-local in a process of its own, stopped by SIGTERM (what {@code kill}, systemd and, as SIGINT, Ctrl-C send) in
 * mid-run: it stops in order and says so, with no error. Qpid's own shutdown hook used to close the broker beside that
 * orderly stop, which then failed on the vanished broker ("connection closed by external action").
 */
class StopBySignalIT {
    private static final Path SAMPLE = Path.of(System.getProperty("pero.shared.dir", "../testdata"))
            .resolveSibling("samples").resolve("tess_phototest.tif");
    /** Enough pages that the run is still going when the signal comes after the first result. */
    private static final int PAGES = 12;

    @TempDir
    Path tmp;

    @Test
    void sigtermInMidRunStopsInOrderWithoutAnError() throws Exception {
        Path pages = Files.createDirectories(tmp.resolve("pages"));
        for (int i = 1; i <= PAGES; i++) {
            Files.copy(SAMPLE, pages.resolve("page" + i + ".tif"));
        }
        Path out = tmp.resolve("out");
        Path stderr = tmp.resolve("stderr.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process run = new ProcessBuilder(List.of(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                LocalMain.class.getName(), pages.toString(), "-o", out.toString(), "--workers", "1"))
                .redirectOutput(tmp.resolve("stdout.txt").toFile()).redirectError(stderr.toFile()).start();
        try {
            Await.until(Duration.ofMinutes(5), () -> results(out) > 0, "a first result");
            run.destroy();
            assertTrue(run.waitFor(2, TimeUnit.MINUTES), "ended after SIGTERM");
        } finally {
            run.destroyForcibly();
        }

        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertTrue(err.contains("pero-local: stopped with "), err);
        assertFalse(err.contains("error:") || err.contains("ERROR"), err);
    }

    private static long results(Path out) {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
