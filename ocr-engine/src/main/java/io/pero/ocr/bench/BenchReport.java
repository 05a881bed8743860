package io.pero.ocr.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the side-by-side table of a benchmark run: per page our CER, the order-free CER (what is left when line
 * order is forgiven, see {@link OrderFreeScore}; the difference is what the reading order costs), Tesseract's CER and
 * the pages where we lose to it; then totals per folder and over all folders, and speed.
 */
final class BenchReport {
    /** A page is marked as lost when our CER exceeds Tesseract's by more than this (the per-page target). */
    static final double LOSS_MARGIN = 0.05;

    private BenchReport() {
    }

    /**
     * @param wallSeconds      wall-clock time of all pages through the engine (pages overlapping)
     * @param tesseractTimed   whether Tesseract ran in this process (so its time is comparable)
     */
    static void print(PrintStream out, List<BenchPage> pages, double wallSeconds, boolean tesseractTimed,
                      double peakRssMib, String engineDescription) {
        boolean anyTesseract = pages.stream().anyMatch(p -> p.tesseract() != null);
        out.printf(Locale.ROOT, "%-28s %9s %6s | %7s %7s %7s | %7s %7s | %7s %5s %5s %5s%n", "page", "pixels", "GT",
                "CER", "noOrder", "order", "tessCER", "vsTess", "ms", "det", "rec", "lay");
        Map<String, List<BenchPage>> bySet = new LinkedHashMap<>();
        for (BenchPage p : pages) {
            bySet.computeIfAbsent(p.set(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<BenchPage>> set : bySet.entrySet()) {
            out.println("# " + set.getKey());
            for (BenchPage p : set.getValue()) {
                String tess = p.tesseract() == null ? "-" : String.format(Locale.ROOT, "%.4f", p.tesseract().cer());
                String vs = p.tesseract() == null ? "" : String.format(Locale.ROOT, "%+.4f%s",
                        p.ours().cer() - p.tesseract().cer(),
                        p.ours().cer() > p.tesseract().cer() + LOSS_MARGIN ? " LOSE" : "");
                out.printf(Locale.ROOT, "%-28s %9s %6d | %7.4f %7.4f %7.4f | %7s %-12s | %7.0f %5.0f %5.0f %5.0f%n",
                        p.name(), p.width() + "x" + p.height(), p.ours().groundTruthChars(), p.ours().cer(),
                        p.oursOrderFree().cer(), p.ours().cer() - p.oursOrderFree().cer(), tess, vs,
                        p.timings().totalMs(), p.timings().detectMs(), p.timings().recognizeMs(),
                        p.timings().layoutMs());
            }
        }
        out.println();
        for (Map.Entry<String, List<BenchPage>> set : bySet.entrySet()) {
            totals(out, set.getKey(), set.getValue(), anyTesseract);
        }
        if (bySet.size() > 1) {
            totals(out, "all " + bySet.size() + " folders", pages, anyTesseract);
        }
        speed(out, pages, wallSeconds, tesseractTimed, peakRssMib, engineDescription);
    }

    private static void totals(PrintStream out, String label, List<BenchPage> pages, boolean anyTesseract) {
        CharacterErrorRate.Score ours = new CharacterErrorRate.Score(0, 0);
        CharacterErrorRate.Score free = new CharacterErrorRate.Score(0, 0);
        CharacterErrorRate.Score tess = new CharacterErrorRate.Score(0, 0);
        long excess = 0;
        int lost = 0;
        List<String> lostPages = new ArrayList<>();
        for (BenchPage p : pages) {
            ours = ours.plus(p.ours());
            free = free.plus(p.oursOrderFree());
            if (p.tesseract() != null) {
                tess = tess.plus(p.tesseract());
                excess += p.excessEdits();
                if (p.ours().cer() > p.tesseract().cer() + LOSS_MARGIN) {
                    lost++;
                    lostPages.add(p.name());
                }
            }
        }
        out.printf(Locale.ROOT, "%s: %d pages, %d GT chars%n", label, pages.size(), ours.groundTruthChars());
        out.printf(Locale.ROOT, "  ours:      CER %.4f (%d edits); order-free %.4f, so reading order costs %.4f%n",
                ours.cer(), ours.edits(), free.cer(), ours.cer() - free.cer());
        if (anyTesseract) {
            out.printf(Locale.ROOT, "  tesseract: CER %.4f (%d edits); ours/tesseract %.3f%n", tess.cer(), tess.edits(),
                    tess.cer() == 0 ? Double.NaN : ours.cer() / tess.cer());
            out.printf(Locale.ROOT, "  where we lose: %d edits more than Tesseract summed over the pages where we do "
                            + "worse (%.4f of all GT chars); %d pages more than %.2f above Tesseract%s%n", excess,
                    ours.groundTruthChars() == 0 ? 0 : excess / (double) ours.groundTruthChars(), lost, LOSS_MARGIN,
                    lostPages.isEmpty() ? "" : ": " + String.join(", ", lostPages));
        }
    }

    private static void speed(PrintStream out, List<BenchPage> pages, double wallSeconds, boolean tesseractTimed,
                              double peakRssMib, String engineDescription) {
        int n = pages.size();
        double det = pages.stream().mapToDouble(p -> p.timings().detectMs()).sum();
        double rec = pages.stream().mapToDouble(p -> p.timings().recognizeMs()).sum();
        double layout = pages.stream().mapToDouble(p -> p.timings().layoutMs()).sum();
        double pagesPerSecond = n / wallSeconds;
        out.printf(Locale.ROOT, "%nengine: %s%n", engineDescription);
        out.printf(Locale.ROOT, "speed: %.3f pages/s (%.2f s/page wall, pages overlapping), ms/page: detect %.0f, "
                        + "recognize %.0f, layout %.0f; peak RSS %.0f MiB%n", pagesPerSecond, wallSeconds / n,
                det / n, rec / n, layout / n, peakRssMib);
        if (tesseractTimed) {
            double tessSeconds = pages.stream().mapToDouble(BenchPage::tesseractSeconds).sum();
            double tessPagesPerSecond = n / tessSeconds;
            out.printf(Locale.ROOT, "tesseract: %.3f pages/s (%.2f s/page, one process per page, sequential); "
                    + "speed %.2fx Tesseract's pages/s%n", tessPagesPerSecond, tessSeconds / n,
                    pagesPerSecond / tessPagesPerSecond);
        } else {
            out.println("tesseract: not timed (not installed, --no-tesseract, or stored hypotheses)");
        }
    }
}
