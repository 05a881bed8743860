package io.pero.ocr.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Character error rate exactly as evaldata's cer.py computes it: both texts NFC-normalised, runs of whitespace in a
 * line collapsed to one space, lines stripped, empty lines dropped, lines joined with "\n"; edits = Levenshtein
 * distance over characters (code points), newlines included.
 */
public final class CharacterErrorRate {
    /** Unicode whitespace, as Python's str.split() uses (no-break space included). */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("(?U)\\s+");
    private CharacterErrorRate() {
    }

    /** Edits and ground-truth length of one page. */
    public record Score(long edits, long groundTruthChars) {
        public double cer() {
            return groundTruthChars == 0 ? 0 : edits / (double) groundTruthChars;
        }

        public Score plus(Score other) {
            return new Score(edits + other.edits, groundTruthChars + other.groundTruthChars);
        }
    }

    public static Score score(String hypothesis, String groundTruth) {
        int[] hyp = normalise(hypothesis).codePoints().toArray();
        int[] gt = normalise(groundTruth).codePoints().toArray();
        return new Score(levenshtein(hyp, gt), gt.length);
    }

    public static String normalise(String text) {
        String nfc = Normalizer.normalize(text.startsWith("\ufeff") ? text.substring(1) : text, Normalizer.Form.NFC);
        List<String> lines = new ArrayList<>();
        for (String line : nfc.split("\r\n|\n|\r|\u000b|\u000c|\u001c|\u001d|\u001e|\u0085|\u2028|\u2029", -1)) {
            List<String> words = new ArrayList<>();
            for (String word : WHITESPACE.split(line)) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            if (!words.isEmpty()) {
                lines.add(String.join(" ", words));
            }
        }
        return String.join("\n", lines);
    }

    static int levenshtein(int[] a, int[] b) {
        if (a.length < b.length) {
            int[] t = a;
            a = b;
            b = t;
        }
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length];
    }
}
