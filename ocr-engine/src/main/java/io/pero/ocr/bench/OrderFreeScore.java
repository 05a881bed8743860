package io.pero.ocr.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An order-free character error rate, to tell reading-order errors from recognition errors: the hypothesis lines are
 * put in the ground truth's order before the ordinary CER is taken. Each hypothesis line is placed where its
 * best-matching ground-truth line stands (most shared character trigrams, then the position inside that line);
 * lines that match nothing keep their place at the end. What remains is what recognition, lost lines and lines split
 * or joined differently cost; {@code CER − order-free CER} is what the reading order costs.
 */
public final class OrderFreeScore {
    private static final int GRAM = 3;

    private OrderFreeScore() {
    }

    /**
     * The lower of the plain CER and the CER after re-sorting: matching short or repeated lines by trigrams can misplace
     * some of them, and forgiving the order must never cost more than keeping it.
     */
    public static CharacterErrorRate.Score score(String hypothesis, String groundTruth) {
        CharacterErrorRate.Score plain = CharacterErrorRate.score(hypothesis, groundTruth);
        CharacterErrorRate.Score reordered = CharacterErrorRate.score(reorder(hypothesis, groundTruth), groundTruth);
        return reordered.edits() < plain.edits() ? reordered : plain;
    }

    /** The hypothesis' normalised lines re-sorted into the ground truth's order. */
    static String reorder(String hypothesis, String groundTruth) {
        String[] gt = CharacterErrorRate.normalise(groundTruth).split("\n");
        String hyp = CharacterErrorRate.normalise(hypothesis);
        if (hyp.isEmpty()) {
            return hyp;
        }
        // Where each trigram occurs in the ground truth: line and offset.
        Map<String, List<int[]>> occurrences = new HashMap<>();
        for (int l = 0; l < gt.length; l++) {
            for (int k = 0; k + GRAM <= gt[l].length(); k++) {
                occurrences.computeIfAbsent(gt[l].substring(k, k + GRAM), x -> new ArrayList<>()).add(new int[] {l, k});
            }
        }
        List<double[]> keyed = new ArrayList<>();
        String[] lines = hyp.split("\n");
        for (int i = 0; i < lines.length; i++) {
            keyed.add(key(lines[i], i, occurrences, gt.length));
        }
        keyed.sort(Comparator.<double[]>comparingDouble(k -> k[0]).thenComparingDouble(k -> k[1])
                .thenComparingDouble(k -> k[2]));
        StringBuilder out = new StringBuilder();
        for (double[] k : keyed) {
            out.append(lines[(int) k[2]]).append('\n');
        }
        return out.toString();
    }

    /** {ground-truth line, mean offset of the shared trigrams in it, own index}. */
    private static double[] key(String line, int index, Map<String, List<int[]>> occurrences, int gtLines) {
        Map<Integer, Integer> votes = new HashMap<>();
        for (int k = 0; k + GRAM <= line.length(); k++) {
            for (int[] at : occurrences.getOrDefault(line.substring(k, k + GRAM), List.of())) {
                votes.merge(at[0], 1, Integer::sum);
            }
        }
        int best = -1;
        int bestVotes = 0;
        for (Map.Entry<Integer, Integer> v : votes.entrySet()) {
            if (v.getValue() > bestVotes || v.getValue() == bestVotes && v.getKey() < best) {
                best = v.getKey();
                bestVotes = v.getValue();
            }
        }
        if (best < 0) {
            return new double[] {gtLines, 0, index};
        }
        double offsetSum = 0;
        int n = 0;
        for (int k = 0; k + GRAM <= line.length(); k++) {
            for (int[] at : occurrences.getOrDefault(line.substring(k, k + GRAM), List.of())) {
                if (at[0] == best) {
                    offsetSum += at[1] - k;
                    n++;
                }
            }
        }
        return new double[] {best, offsetSum / n, index};
    }
}
