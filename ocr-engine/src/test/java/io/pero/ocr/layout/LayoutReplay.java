package io.pero.ocr.layout;

import io.pero.ocr.bench.CharacterErrorRate;
import io.pero.ocr.bench.OrderFreeScore;
import io.pero.ocr.config.LayoutConfig;
import io.pero.ocr.detect.Quad;
import io.pero.ocr.model.Page;
import io.pero.ocr.model.Point;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import io.pero.ocr.xml.PageXmlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Development tool (not a test): re-runs only the layout analysis on recognised fragments saved as PAGE XML by
 * {@code bin/pero-ocr} with {@code [LAYOUT] READING_ORDER = top_down, DESKEW = no} (one line per fragment), and scores
 * the text against the ground truth, so that a layout change is measured on all pages in seconds.
 * <pre>java -cp ocr-engine/target/classes:ocr-engine/target/test-classes:ocr-engine/target/lib/* \
 *   io.pero.ocr.layout.LayoutReplay CACHE_DIR:GT_DIR[:TESS_DIR] ...</pre>
 */
public final class LayoutReplay {
    public static void main(String[] args) throws Exception {
        CharacterErrorRate.Score all = new CharacterErrorRate.Score(0, 0);
        CharacterErrorRate.Score allFree = new CharacterErrorRate.Score(0, 0);
        CharacterErrorRate.Score allTess = new CharacterErrorRate.Score(0, 0);
        Path dump = System.getenv("REPLAY_OUT") == null ? null : Path.of(System.getenv("REPLAY_OUT"));
        for (String arg : args) {
            String[] parts = arg.split(":");
            Path cache = Path.of(parts[0]);
            Path gtDir = Path.of(parts[1]);
            Path tessDir = parts.length > 2 ? Path.of(parts[2]) : null;
            CharacterErrorRate.Score set = new CharacterErrorRate.Score(0, 0);
            CharacterErrorRate.Score setFree = new CharacterErrorRate.Score(0, 0);
            CharacterErrorRate.Score setTess = new CharacterErrorRate.Score(0, 0);
            List<Path> files;
            try (Stream<Path> s = Files.list(cache)) {
                files = s.filter(p -> p.toString().endsWith("_page.xml")).sorted().toList();
            }
            for (Path file : files) {
                String image = file.getFileName().toString().replace("_page.xml", "");
                String name = image.substring(0, image.lastIndexOf('.'));
                String truth = Files.readString(gtDir.resolve(name + ".gt.txt"));
                String text = replay(Files.readAllBytes(file), file.toString(), gtDir.resolve(image));
                if (dump != null) {
                    Files.createDirectories(dump);
                    Files.writeString(dump.resolve(name + ".txt"), text);
                }
                CharacterErrorRate.Score s = CharacterErrorRate.score(text, truth);
                CharacterErrorRate.Score f = OrderFreeScore.score(text, truth);
                String tessText = tessDir == null ? null : Files.readString(tessDir.resolve(name + ".txt"));
                CharacterErrorRate.Score t = tessText == null ? new CharacterErrorRate.Score(0, 0)
                        : CharacterErrorRate.score(tessText, truth);
                set = set.plus(s);
                setFree = setFree.plus(f);
                setTess = setTess.plus(t);
                System.out.printf(Locale.ROOT, "%-28s %6d  CER %.4f  free %.4f  tess %.4f %s%n", name,
                        s.groundTruthChars(), s.cer(), f.cer(), t.cer(), s.cer() > t.cer() + 0.05 ? "LOSE" : "");
            }
            System.out.printf(Locale.ROOT, "== %s: CER %.4f free %.4f tess %.4f ratio %.3f%n%n", gtDir, set.cer(),
                    setFree.cer(), setTess.cer(), set.cer() / setTess.cer());
            all = all.plus(set);
            allFree = allFree.plus(setFree);
            allTess = allTess.plus(setTess);
        }
        System.out.printf(Locale.ROOT, "== ALL: CER %.4f free %.4f tess %.4f ratio %.3f%n", all.cer(), allFree.cer(),
                allTess.cer(), all.cer() / allTess.cer());
    }

    static String replay(byte[] xml, String source, Path image) throws java.io.IOException {
        Page page = PageXmlReader.read(xml, source);
        List<Quad> quads = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Quad> lineQuads = new ArrayList<>();
        List<List<double[]>> lineGaps = new ArrayList<>();
        List<List<io.pero.ocr.model.Word>> lineWords = new ArrayList<>();
        for (TextRegion region : page.regions()) {
            for (TextLine line : region.lines()) {
                List<Point> p = line.polygon().points();
                if (p.size() != 4) {
                    throw new IllegalArgumentException(source + ": line " + line.id() + " is not a quad");
                }
                Quad quad = new Quad(p.get(0).x(), p.get(0).y(), p.get(1).x(), p.get(1).y(), p.get(2).x(),
                        p.get(2).y(), p.get(3).x(), p.get(3).y());
                // As GutterSplit does in the engine: word gaps along the line, cut where the layout says.
                List<double[]> gaps = new ArrayList<>();
                List<double[]> spans = new ArrayList<>();
                double len = quad.maxX() - quad.minX();
                for (io.pero.ocr.model.Word w : line.words()) {
                    double a = w.polygon().points().stream().mapToDouble(Point::x).min().orElse(0);
                    double b = w.polygon().points().stream().mapToDouble(Point::x).max().orElse(0);
                    spans.add(new double[] {(a - quad.minX()) / len, (b - quad.minX()) / len});
                }
                for (int k = 0; k + 1 < spans.size(); k++) {
                    if (spans.get(k + 1)[0] > spans.get(k)[1]) {
                        gaps.add(new double[] {spans.get(k)[1], spans.get(k + 1)[0]});
                    }
                }
                lineQuads.add(quad);
                lineGaps.add(gaps);
                lineWords.add(line.words());
                texts.add(line.text());
            }
        }
        List<List<double[]>> allCuts = new LayoutAnalyzer(LayoutConfig.defaults()).gutterCuts(lineQuads, lineGaps);
        List<String> pieceTexts = new ArrayList<>();
        for (int i = 0; i < lineQuads.size(); i++) {
            Quad quad = lineQuads.get(i);
            List<double[]> cuts = new ArrayList<>(allCuts.get(i));
            if (cuts.isEmpty()) {
                quads.add(quad);
                pieceTexts.add(texts.get(i));
                continue;
            }
            if (System.getenv("REPLAY_CUTS") != null) {
                System.out.println("  cut " + source + " " + texts.get(i) + " at " + cuts.size());
            }
            cuts.add(new double[] {1, 1});
            double from = 0;
            double len = quad.maxX() - quad.minX();
            for (double[] gap : cuts) {
                List<String> words = new ArrayList<>();
                for (io.pero.ocr.model.Word w : lineWords.get(i)) {
                    double c = (w.polygon().points().stream().mapToDouble(Point::x).average().orElse(0)
                            - quad.minX()) / len;
                    if (c >= from && c < (gap[0] + gap[1]) / 2) {
                        words.add(w.text());
                    }
                }
                if (!words.isEmpty()) {
                    quads.add(quad.slice(from, gap[0]));
                    pieceTexts.add(String.join(" ", words));
                }
                from = gap[1];
            }
        }
        texts = pieceTexts;
        StringBuilder out = new StringBuilder();
        List<Ruling> rulings = List.of();
        if (Files.exists(image)) {
            // The rules are found anew from the page image, as the pipeline does after detection.
            io.pero.ocr.engine.OpenCv.load();
            org.opencv.core.Mat pixels = io.pero.ocr.image.ImageDecoder.decode(Files.readAllBytes(image),
                    image.toString());
            double[] heights = quads.stream().mapToDouble(q -> Math.min(q.width(), q.height())).sorted().toArray();
            try (io.pero.ocr.detect.RulingDetector.Found found = io.pero.ocr.detect.RulingDetector.find(pixels,
                    heights.length == 0 ? 0 : heights[heights.length / 2])) {
                rulings = found.rulings();
            } finally {
                pixels.release();
            }
        }
        boolean debug = source.contains(String.valueOf(System.getenv("REPLAY_BLOCKS")));
        if (debug) {
            for (Ruling r : rulings) {
                System.out.println("  rule " + r);
            }
        }
        for (TextBlock block : new LayoutAnalyzer(LayoutConfig.defaults()).analyze(quads, rulings, page.width())) {
            if (debug) {
                double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
                List<Double> hs = new ArrayList<>();
                for (TextRow row : block.rows()) {
                    for (int i : row.fragments()) {
                        Quad q = quads.get(i);
                        x0 = Math.min(x0, q.minX()); y0 = Math.min(y0, q.minY());
                        x1 = Math.max(x1, q.maxX()); y1 = Math.max(y1, q.maxY());
                        hs.add(q.height());
                    }
                }
                java.util.Collections.sort(hs);
                String first = texts.get(block.rows().get(0).fragments().get(0));
                System.out.printf(Locale.ROOT, "  block %5.0f %5.0f %5.0f %5.0f h%4.1f rows %2d | %s%n", x0, y0, x1, y1,
                        hs.get(hs.size() / 2), block.rows().size(), first.length() > 50 ? first.substring(0, 50) : first);
            }
            for (TextRow row : block.rows()) {
                List<String> parts = new ArrayList<>();
                for (int i : row.fragments()) {
                    parts.add(texts.get(i));
                }
                out.append(String.join(" ", parts)).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
