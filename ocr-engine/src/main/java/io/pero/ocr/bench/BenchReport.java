package io.pero.ocr.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the side-by-side table of a benchmark run and the ratios against Tesseract. */
final class BenchReport {
    private BenchReport() {
    }

    /**
     * @param wallSeconds     wall-clock time of the whole folder through the engine (pages overlapping)
     * @param tesseractRan    whether the baseline ran
     */
    static void print(PrintStream out, List<BenchPage> pages, double wallSeconds, boolean tesseractRan,
                      double peakRssMib, String engineDescription) {
        out.printf(Locale.ROOT, "%-24s %9s %6s | %8s %8s %6s %6s %6s | %8s %8s%n", "page", "pixels", "GT", "CER",
                "ms", "det", "rec", "layout", "tessCER", "tess s");
        CharacterErrorRate.Score ours = new CharacterErrorRate.Score(0, 0);
        CharacterErrorRate.Score tess = new CharacterErrorRate.Score(0, 0);
        double tessSeconds = 0;
        double det = 0;
        double rec = 0;
        double layout = 0;
        for (BenchPage p : pages) {
            ours = ours.plus(p.ours());
            det += p.timings().detectMs();
            rec += p.timings().recognizeMs();
            layout += p.timings().layoutMs();
            if (tesseractRan) {
                tess = tess.plus(p.tesseract());
                tessSeconds += p.tesseractSeconds();
            }
            out.printf(Locale.ROOT, "%-24s %9s %6d | %8.4f %8.0f %6.0f %6.0f %6.0f | %8s %8s%n", p.name(),
                    p.width() + "x" + p.height(), p.ours().groundTruthChars(), p.ours().cer(), p.timings().totalMs(),
                    p.timings().detectMs(), p.timings().recognizeMs(), p.timings().layoutMs(),
                    tesseractRan ? String.format(Locale.ROOT, "%.4f", p.tesseract().cer()) : "-",
                    tesseractRan ? String.format(Locale.ROOT, "%.2f", p.tesseractSeconds()) : "-");
        }
        int n = pages.size();
        double pagesPerSecond = n / wallSeconds;
        out.printf(Locale.ROOT, "%nengine: %s%n", engineDescription);
        out.printf(Locale.ROOT, "pages: %d, GT characters: %d%n", n, ours.groundTruthChars());
        out.printf(Locale.ROOT, "ours:      CER %.4f (%d edits), %.3f pages/s (%.2f s/page wall, pages overlapping), "
                        + "ms/page: detect %.0f, recognize %.0f, layout %.0f; peak RSS %.0f MiB%n", ours.cer(),
                ours.edits(), pagesPerSecond, wallSeconds / n, det / n, rec / n, layout / n, peakRssMib);
        if (tesseractRan) {
            double tessPagesPerSecond = n / tessSeconds;
            out.printf(Locale.ROOT, "tesseract: CER %.4f (%d edits), %.3f pages/s (%.2f s/page, one process per page, "
                    + "sequential)%n", tess.cer(), tess.edits(), tessPagesPerSecond, tessSeconds / n);
            out.printf(Locale.ROOT, "ratios:    speed %.2fx Tesseract's pages/s, CER %.2f of Tesseract's%n",
                    pagesPerSecond / tessPagesPerSecond, tess.cer() == 0 ? Double.NaN : ours.cer() / tess.cer());
        } else {
            out.println("tesseract: not run (not installed or --no-tesseract)");
        }
    }
}
