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
import org.opencv.core.Mat;

/**
 * Runs OCR on a list of image files and writes each one's PAGE XML, ALTO and text into an output folder. One bad
 * image is reported and skipped; the others are still processed. With several threads, pages are recognised in
 * parallel (the engine is thread-safe) and reports still come out in the order the images were given. While a page
 * is recognised, the page its thread takes next is read and decoded on a reader thread, so decoding (a few hundred ms
 * of one core for a large scan) overlaps inference instead of leaving the inference threads idle.
 */
final class ImageBatch {
    /**
     * Largest image decoded ahead (as BGR, 3 bytes a pixel: 120 MB): an A4 page at 600 dpi is 35 megapixels; a larger
     * one is decoded when its turn comes, so that two huge pages are never held at once.
     */
    static final long PREFETCH_MAX_PIXELS = 40_000_000L;

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
        ExecutorService pool = Executors.newFixedThreadPool(threads, new NamedThreads("pero-ocr-page-"));
        ExecutorService reader = Executors.newSingleThreadExecutor(new NamedThreads("pero-ocr-read-"));
        Prefetch prefetch = new Prefetch(images, clashes, reader);
        try {
            List<Future<String>> reports = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                int index = i;
                reports.add(clashes.get(i) != null ? null : pool.submit(() -> {
                    // Each page thread takes every threads-th page, so its next one is threads pages on.
                    prefetch.start(index + threads);
                    return processOne(images.get(index), prefetch.take(index));
                }));
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
            reader.shutdownNow();
            prefetch.releaseUntaken();
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

    /** @param decoded the page decoded ahead, or null to read and decode it here */
    private String processOne(Path image, Mat decoded) throws IOException {
        long start = System.nanoTime();
        String name = image.getFileName().toString();
        OcrResult result;
        if (decoded != null) {
            try {
                result = pageOcr.process(name, decoded);
            } finally {
                decoded.release();
            }
        } else {
            result = pageOcr.process(name, read(image), Optional.empty());
        }
        for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
            writeAtomically(outputDir.resolve(file.getKey()), file.getValue());
        }
        int lines = result.page().regions().stream().mapToInt(r -> r.lines().size()).sum();
        return image + ": " + lines + " lines in " + (System.nanoTime() - start) / 1_000_000 + " ms -> "
                + outputDir.resolve(OcrResult.pageXmlName(name));
    }

    private static byte[] read(Path image) throws IOException {
        try {
            return Files.readAllBytes(image);
        } catch (NoSuchFileException e) {
            throw new BadInputException(image.getFileName() + ": no such file");
        }
    }

    /**
     * Pages read and decoded ahead on the reader thread. Best effort: a page that cannot be read or decoded ahead, or
     * is too large for it, is read and decoded again by its page thread, which reports what is wrong with it.
     */
    private final class Prefetch {
        private final List<Path> images;
        private final List<String> clashes;
        private final ExecutorService reader;
        private final Map<Integer, Future<Mat>> started = new HashMap<>();

        Prefetch(List<Path> images, List<String> clashes, ExecutorService reader) {
            this.images = images;
            this.clashes = clashes;
            this.reader = reader;
        }

        synchronized void start(int index) {
            if (index < images.size() && clashes.get(index) == null && !started.containsKey(index)) {
                Path image = images.get(index);
                started.put(index, reader.submit(() -> pageOcr.decode(image.getFileName().toString(), read(image),
                        PREFETCH_MAX_PIXELS)));
            }
        }

        /** The page decoded ahead, or null when it was not (the first pages) or could not be. */
        Mat take(int index) throws InterruptedException {
            Future<Mat> future;
            synchronized (this) {
                future = started.remove(index);
            }
            if (future == null) {
                return null;
            }
            try {
                return future.get();
            } catch (ExecutionException e) {
                return null;
            }
        }

        /** After an interruption: decoded pages that no page thread took. */
        synchronized void releaseUntaken() {
            for (Future<Mat> future : started.values()) {
                future.cancel(true);
                if (future.isDone() && !future.isCancelled()) {
                    try {
                        future.get().release();
                    } catch (ExecutionException | InterruptedException ignored) {
                        // nothing was decoded
                    }
                }
            }
            started.clear();
        }
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
        private final String prefix;

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
