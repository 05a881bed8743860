package io.pero.ocr.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code tesseract} command on one page ({@code tesseract IMAGE - -l eng}, default page segmentation), as
 * the baseline of evaldata's BASELINE-tesseract.md: wall-clock time of the whole process, text from stdout.
 */
final class TesseractBaseline {
    private static final long TIMEOUT_S = 600;

    private TesseractBaseline() {
    }

    record Result(String text, double seconds) {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Result run(Path image) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("tesseract", image.toString(), "-", "-l", "eng")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text;
        try (InputStream out = p.getInputStream()) {
            text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tesseract did not finish within " + TIMEOUT_S + " s on " + image);
        }
        return new Result(text, (System.nanoTime() - start) / 1e9);
    }
}
