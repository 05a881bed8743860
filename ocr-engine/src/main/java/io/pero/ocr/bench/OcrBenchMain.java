package io.pero.ocr.bench;

import io.pero.ocr.cli.CliLogging;
import io.pero.ocr.config.Device;
import io.pero.ocr.config.DeviceConfig;
import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.engine.OcrEngine;
import io.pero.ocr.engine.Recognition;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Benchmark: OCR of one or more folders of images with {@code <name>.gt.txt} ground truth, and Tesseract on the same
 * pages, run in the same process or read from its stored hypotheses ({@code --tesseract-hyp}). Prints per page, per
 * folder and overall: CER (as evaldata's cer.py), the order-free CER, Tesseract's CER, the pages where we lose to it,
 * pages/s, ms per step, peak RSS.
 * <pre>java -cp ocr-engine/target/ocr-engine.jar:ocr-engine/target/lib/* io.pero.ocr.bench.OcrBenchMain FOLDER...</pre>
 */
@Command(name = "ocr-bench", mixinStandardHelpOptions = true,
        description = "OCR benchmark against ground truth, with Tesseract as the baseline.")
public final class OcrBenchMain implements Callable<Integer> {
    private static final List<String> IMAGE_EXTENSIONS = List.of(".tif", ".tiff", ".png", ".jpg", ".jpeg");

    @Parameters(arity = "1..*", description = "folders with images and <name>.gt.txt")
    private List<Path> folders;
    @Option(names = "--config", description = "stage directory with config.ini (default: built-in defaults)")
    private Path stageDir;
    @Option(names = "--device", description = "cpu or gpu, overriding the config")
    private String device;
    @Option(names = "--parallel", defaultValue = "2", description = "pages in flight at once (default ${DEFAULT-VALUE})")
    private int parallel;
    @Option(names = "--no-tesseract", description = "skip the Tesseract baseline")
    private boolean noTesseract;
    @Option(names = "--hyp", description = "write each page's text to DIR/<name>.txt")
    private Path hypDir;
    @Option(names = "--tesseract-hyp", paramLabel = "DIR", description = "Tesseract's stored output, DIR/<name>.txt "
            + "per page, instead of running it (repeatable; the first DIR holding a page's file is used)")
    private List<Path> tesseractHypDirs = new ArrayList<>();

    public static void main(String[] args) {
        CliLogging.configure(false);
        System.exit(new CommandLine(new OcrBenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Path> images = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (Path folder : folders) {
            List<Path> found = images(folder);
            if (found.isEmpty()) {
                System.err.println("error: no images with a .gt.txt beside them in " + folder);
                return 3;
            }
            images.addAll(found);
            found.forEach(f -> sets.add(folder.toString()));
        }
        for (Path dir : tesseractHypDirs) {
            if (!Files.isDirectory(dir)) {
                System.err.println("error: --tesseract-hyp " + dir + " is not a folder");
                return 2;
            }
        }
        OcrConfig config = stageDir == null ? OcrConfig.defaults() : OcrConfig.load(stageDir);
        if (device != null) {
            DeviceConfig d = config.device();
            config = config.withDevice(new DeviceConfig(Device.valueOf(device.toUpperCase(Locale.ROOT)), d.gpuId(),
                    d.threads()));
        }
        if (hypDir != null) {
            Files.createDirectories(hypDir);
        }
        List<BenchPage> pages = new ArrayList<>();
        double wall;
        String description;
        long openStart = System.nanoTime();
        try (OcrEngine engine = OcrEngine.open(config)) {
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            description = String.format(Locale.ROOT, "%s, %d inference threads, %d pages in flight, opened in %.1f s",
                    engine.onGpu() ? "gpu" : "cpu", config.device().effectiveThreads(), parallel, openSeconds);
            long start = System.nanoTime();
            List<Recognition> results = recognizeAll(engine, images);
            wall = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < images.size(); i++) {
                pages.add(score(sets.get(i), images.get(i), results.get(i)));
            }
        }
        double rss = PeakRss.mebibytes();
        boolean tesseract = tesseractHypDirs.isEmpty() && !noTesseract && TesseractBaseline.available();
        for (int i = 0; i < pages.size(); i++) {
            if (tesseract) {
                pages.set(i, withTesseract(pages.get(i), images.get(i)));
            } else if (!tesseractHypDirs.isEmpty()) {
                pages.set(i, withStoredTesseract(pages.get(i), images.get(i)));
            }
        }
        BenchReport.print(System.out, pages, wall, tesseract, rss, description);
        return 0;
    }

    private List<Recognition> recognizeAll(OcrEngine engine, List<Path> images) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(Math.max(1, parallel), r -> {
            Thread t = new Thread(r, "pero-ocr-bench-page");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Recognition>> futures = new ArrayList<>();
            for (Path image : images) {
                futures.add(callers.submit(() -> recognize(engine, image)));
            }
            List<Recognition> results = new ArrayList<>();
            for (Future<Recognition> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            callers.shutdownNow();
        }
    }

    private Recognition recognize(OcrEngine engine, Path image) throws IOException {
        // OpenCV decoding, as the baseline reads the files: the first page of a TIFF, colour as BGR.
        Mat mat = Imgcodecs.imread(image.toString(), Imgcodecs.IMREAD_COLOR);
        if (mat.empty()) {
            throw new IOException("cannot decode image " + image);
        }
        try {
            Recognition result = engine.recognizeTimed(mat, image.getFileName().toString());
            if (hypDir != null) {
                Files.writeString(hypDir.resolve(baseName(image) + ".txt"), text(result), StandardCharsets.UTF_8);
            }
            return result;
        } finally {
            mat.release();
        }
    }

    private BenchPage score(String set, Path image, Recognition result) throws IOException {
        String truth = Files.readString(groundTruth(image), StandardCharsets.UTF_8);
        String text = text(result);
        return new BenchPage(set, baseName(image), result.page().width(), result.page().height(),
                CharacterErrorRate.score(text, truth), OrderFreeScore.score(text, truth), result.timings(), null,
                Double.NaN);
    }

    private BenchPage withTesseract(BenchPage page, Path image) throws IOException, InterruptedException {
        TesseractBaseline.Result t = TesseractBaseline.run(image);
        return withTesseract(page, image, t.text(), t.seconds());
    }

    /** Tesseract's stored hypothesis for the page, from the first --tesseract-hyp folder that has one. */
    private BenchPage withStoredTesseract(BenchPage page, Path image) throws IOException {
        for (Path dir : tesseractHypDirs) {
            Path hyp = dir.resolve(baseName(image) + ".txt");
            if (Files.isRegularFile(hyp)) {
                return withTesseract(page, image, Files.readString(hyp, StandardCharsets.UTF_8), Double.NaN);
            }
        }
        return page;
    }

    private static BenchPage withTesseract(BenchPage page, Path image, String text, double seconds)
            throws IOException {
        String truth = Files.readString(groundTruth(image), StandardCharsets.UTF_8);
        return new BenchPage(page.set(), page.name(), page.width(), page.height(), page.ours(), page.oursOrderFree(),
                page.timings(), CharacterErrorRate.score(text, truth), seconds);
    }

    /** Text in reading order: a line per text line, a blank line between regions. */
    static String text(Recognition result) {
        StringBuilder text = new StringBuilder();
        for (TextRegion region : result.page().regions()) {
            for (TextLine line : region.lines()) {
                text.append(line.text()).append('\n');
            }
            text.append('\n');
        }
        return text.toString();
    }

    static List<Path> images(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> IMAGE_EXTENSIONS.stream()
                            .anyMatch(e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
                    .filter(p -> Files.isRegularFile(groundTruth(p)))
                    .sorted()
                    .toList();
        }
    }

    private static Path groundTruth(Path image) {
        return image.resolveSibling(baseName(image) + ".gt.txt");
    }

    private static String baseName(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
