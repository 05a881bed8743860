package io.pero.ocr.cli;

import io.pero.ocr.BadInputException;
import io.pero.ocr.OcrResult;
import io.pero.ocr.PageOcr;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs OCR on a list of image files and writes each one's PAGE XML, ALTO and text into an output folder. One bad
 * image is reported and skipped; the others are still processed. With several threads, pages are recognised in
 * parallel (the engine is thread-safe) and reports still come out in the order the images were given.
 */
final class ImageBatch {
    private final PageOcr pageOcr;
    private final Path outputDir;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;

    ImageBatch(PageOcr pageOcr, Path outputDir, PrintWriter out, PrintWriter err, boolean verbose) {
        this.pageOcr = pageOcr;
        this.outputDir = outputDir;
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    /** @return the number of images that failed */
    int run(List<Path> images, int threads) throws InterruptedException {
        List<String> clashes = nameClashes(images);
        ExecutorService pool = Executors.newFixedThreadPool(threads, new NamedThreads());
        try {
            List<Future<String>> reports = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                Path image = images.get(i);
                reports.add(clashes.get(i) != null ? null : pool.submit(() -> processOne(image)));
            }
            int failed = 0;
            for (int i = 0; i < images.size(); i++) {
                Path image = images.get(i);
                Optional<String> error = reports.get(i) == null ? Optional.of(clashes.get(i))
                        : outcome(reports.get(i), image.getFileName().toString());
                if (error.isPresent()) {
                    err.println("error: " + image + ": " + error.get());
                    failed++;
                }
                out.flush();
                err.flush();
            }
            return failed;
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<String> outcome(Future<String> report, String name) throws InterruptedException {
        try {
            out.println(report.get());
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(describe(e.getCause(), name));
        }
    }

    private String processOne(Path image) throws IOException {
        long start = System.nanoTime();
        String name = image.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file");
        }
        OcrResult result = pageOcr.process(name, bytes, Optional.empty());
        for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
            writeAtomically(outputDir.resolve(file.getKey()), file.getValue());
        }
        int lines = result.page().regions().stream().mapToInt(r -> r.lines().size()).sum();
        return image + ": " + lines + " lines in " + (System.nanoTime() - start) / 1_000_000 + " ms -> "
                + outputDir.resolve(OcrResult.pageXmlName(name));
    }

    /** Readers of the output folder never see half-written files. */
    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(tmp, content);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Images whose file names are the same would overwrite each other's outputs: all but the first are refused.
     * @return per image, why it is refused, or null
     */
    private static List<String> nameClashes(List<Path> images) {
        Map<String, Path> firstByName = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Path image : images) {
            Path first = firstByName.putIfAbsent(image.getFileName().toString(), image);
            clashes.add(first == null ? null : "same file name as " + first + ", whose outputs it would overwrite; skipped");
        }
        return clashes;
    }

    /** The reason, without the image-name prefix our exceptions carry (the error line already names the file). */
    private String describe(Throwable e, String name) {
        if (verbose) {
            e.printStackTrace(err);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.startsWith(name + ": ")) {
            return message.substring(name.length() + 2);
        }
        return e instanceof IOException ? "cannot read or write: " + message : message;
    }

    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "pero-ocr-page-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
