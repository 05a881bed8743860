package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pero-local in a process of its own, stopped by SIGTERM (what {@code kill}, systemd and, as SIGINT, Ctrl-C send) in
 * mid-run: it stops in order and says so, with no error. Qpid's own shutdown hook used to close the broker beside that
 * orderly stop, which then failed on the vanished broker ("connection closed by external action").
 */
class StopBySignalIT {
    /** Enough pages that the run is still going when the signal comes after the first result. */
    private static final int PAGES = 12;

    @TempDir
    Path tmp;

    @Test
    void sigtermInMidRunStopsInOrderWithoutAnError() throws Exception {
        Path pages = LocalProcess.pages(tmp, "pages", PAGES);
        Path out = tmp.resolve("out");
        Process run = LocalProcess.start(tmp, pages.toString(), "-o", out.toString(), "--workers", "1");
        try {
            Await.until(Duration.ofMinutes(5), () -> LocalProcess.results(out) > 0, "a first result");
            run.destroy();
            assertTrue(run.waitFor(2, TimeUnit.MINUTES), "ended after SIGTERM");
        } finally {
            run.destroyForcibly();
        }

        String err = Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertTrue(err.contains("pero-local: stopped with "), err);
        assertFalse(err.contains("error:") || err.contains("ERROR"), err);
    }
}
