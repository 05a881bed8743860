package io.pero.ocr.recognize;

import java.util.ArrayList;
import java.util.List;

/** Greedy CTC decoding: best class per time step, repeats collapsed, blanks removed. */
final class CtcDecoder {
    private CtcDecoder() {
    }

    /**
     * @param best        best class per time step
     * @param probability its probability per time step
     */
    static List<CharSpan> decode(int[] best, float[] probability, CharDictionary dictionary) {
        List<CharSpan> chars = new ArrayList<>();
        int t = 0;
        while (t < best.length) {
            int cls = best[t];
            int end = t;
            double max = probability[t];
            while (end + 1 < best.length && best[end + 1] == cls) {
                end++;
                max = Math.max(max, probability[end]);
            }
            if (cls != 0) {
                chars.add(new CharSpan(dictionary.text(cls), t, end, max));
            }
            t = end + 1;
        }
        return chars;
    }
}
