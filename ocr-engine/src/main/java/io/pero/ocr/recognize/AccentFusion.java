package io.pero.ocr.recognize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Combines two readings of the same line crop: a primary recognizer with a small alphabet (English, 97 classes,
 * most accurate on Latin text) and an accent recognizer with a large one (6,623 characters, among them ä ü é à è
 * ’ “ ” — • ▪). Where the accent reading has, at the same place in the crop, a letter whose base letter is what the
 * primary read (ä over a, ’ over ', — over -), it is taken; everything else stays as the primary read it. So the
 * primary's better spacing and Latin accuracy are kept and only characters it cannot produce are added.
 */
public final class AccentFusion {
    /** Typographic characters and the ASCII stand-in a small-alphabet recognizer reads for them. */
    private static final Map<String, String> ASCII_STAND_IN = Map.ofEntries(
            Map.entry("\u2018", "'"), Map.entry("\u2019", "'"), Map.entry("\u201a", ","),
            Map.entry("\u201c", "\""), Map.entry("\u201d", "\""), Map.entry("\u201e", "\""),
            Map.entry("\u00ab", "\""), Map.entry("\u00bb", "\""),
            Map.entry("\u2013", "-"), Map.entry("\u2014", "-"), Map.entry("\u2212", "-"),
            Map.entry("\u00b4", "'"), Map.entry("\u2032", "'"));
    /** Bullets: a small alphabet has nothing like them and reads noise or nothing. */
    private static final String BULLETS = "\u2022\u25aa\u25cf\u25a0\u00b7";

    private final CharDictionary primary;
    private final double minProbability;

    /**
     * @param primary        the primary recognizer's dictionary (what it can read itself)
     * @param minProbability an accent character must be at least this probable to be taken
     */
    public AccentFusion(CharDictionary primary, double minProbability) {
        this.primary = primary;
        this.minProbability = minProbability;
    }

    public LineReading fuse(LineReading main, LineReading accent) {
        if (accent == null || main.chars().isEmpty()) {
            return main;
        }
        List<CharSpan> chars = new ArrayList<>(main.chars());
        boolean changed = false;
        for (CharSpan candidate : accent.chars()) {
            if (primary.contains(candidate.text()) || candidate.probability() < minProbability) {
                continue;
            }
            double centre = centre(accent, candidate);
            int nearest = nearest(main, chars, centre);
            CharSpan there = chars.get(nearest);
            double distance = Math.abs(centre(main, there) - centre);
            double charWidth = charWidth(main);
            if (distance <= 0.6 * charWidth && standIn(candidate.text()).equals(there.text())) {
                chars.set(nearest, new CharSpan(candidate.text(), there.firstStep(), there.lastStep(),
                        Math.min(there.probability(), candidate.probability())));
                changed = true;
            } else if (BULLETS.contains(candidate.text()) && distance > charWidth && candidate.probability() > 0.8) {
                int at = insertionPoint(main, chars, centre);
                int step = (int) Math.round(centre * main.timeSteps() * main.cropWidth() / (double) main.inputWidth());
                chars.add(at, new CharSpan(candidate.text(), step, step, candidate.probability()));
                changed = true;
            }
        }
        return changed ? main.withChars(chars) : main;
    }

    /** The plain character a small-alphabet recognizer would read for {@code c}: base letter or ASCII stand-in. */
    static String standIn(String c) {
        String ascii = ASCII_STAND_IN.get(c);
        if (ascii != null) {
            return ascii;
        }
        String decomposed = Normalizer.normalize(c, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "");
    }

    private static double centre(LineReading reading, CharSpan c) {
        return reading.stepToFraction((c.firstStep() + c.lastStep() + 1) / 2.0);
    }

    /** Mean distance between neighbouring characters as a fraction of the crop width. */
    private static double charWidth(LineReading reading) {
        List<CharSpan> chars = reading.chars();
        if (chars.size() < 2) {
            return 1;
        }
        return (centre(reading, chars.get(chars.size() - 1)) - centre(reading, chars.get(0))) / (chars.size() - 1);
    }

    private static int nearest(LineReading reading, List<CharSpan> chars, double centre) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < chars.size(); i++) {
            double d = Math.abs(centre(reading, chars.get(i)) - centre);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static int insertionPoint(LineReading reading, List<CharSpan> chars, double centre) {
        int i = 0;
        while (i < chars.size() && centre(reading, chars.get(i)) < centre) {
            i++;
        }
        return i;
    }
}
