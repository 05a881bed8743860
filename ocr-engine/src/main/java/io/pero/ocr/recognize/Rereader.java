package io.pero.ocr.recognize;

import io.pero.ocr.detect.DetectedLine;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * A second look at the lines the recognizer is unsure of: they are cut out again with a tenth of the line's height
 * trimmed off at the top and at the bottom, read again, and per line the more confident of the two readings is kept.
 * The detector's outlines are grown well beyond the text (UNCLIP_RATIO) so that ascenders and descenders are never
 * cut; on small, dense or blurred text (a 60 dpi photocopy, a phone photo, a colour page 577 px wide) that margin
 * takes in slivers of the neighbouring lines and leaves the glyphs small in the model's 48 px, and those lines are
 * the unsure ones. Lines read confidently keep their first reading, so clean print (where a tight crop would cut off
 * the accents and descenders of lightly printed text) is not touched, and only unsure lines cost a second reading.
 */
public final class Rereader {
    /**
     * Mean character confidence below which a line is read again. Clean print reads above 0.95 with the PP-OCR
     * recognizers; below 0.9 a line usually has misread or missing characters.
     */
    public static final double UNSURE_BELOW = 0.9;
    /**
     * Share of the line's height cut off at its top and at its bottom for the second reading. A tenth takes off most
     * of the neighbouring lines' slivers that the grown outline holds; a fifth (pure margin at UNCLIP_RATIO 1.5, as
     * PaddleOCR uses) would already cut descenders on lines whose outline was found tight.
     */
    public static final double TRIM = 0.1;

    private final LineCropper trimmed;
    private final TextRecognizer reader;

    /** @param maxWidth widest crop and {@code widthScale} horizontal narrowing, as for the first reading */
    public Rereader(TextRecognizer reader, int maxWidth, double widthScale) {
        this.reader = reader;
        this.trimmed = new LineCropper(reader.inputHeight(), maxWidth, widthScale, TRIM);
    }

    /** {@code readings} (parallel to {@code lines}) with each unsure line replaced by its second reading where surer. */
    public List<LineReading> reread(Mat image, List<DetectedLine> lines, List<LineReading> readings) {
        List<Integer> unsure = new ArrayList<>();
        List<Mat> crops = new ArrayList<>();
        for (int i : unsure(readings)) {
            DetectedLine line = lines.get(i);
            Mat crop = trimmed.crop(image, line.quad(), line.curve());
            if (crop != null) {
                unsure.add(i);
                crops.add(crop);
            }
        }
        if (crops.isEmpty()) {
            return readings;
        }
        List<LineReading> again;
        try {
            again = reader.read(crops);
        } finally {
            crops.forEach(Mat::release);
        }
        List<LineReading> out = new ArrayList<>(readings);
        for (int k = 0; k < unsure.size(); k++) {
            int i = unsure.get(k);
            out.set(i, moreConfident(readings.get(i), again.get(k)));
        }
        return out;
    }

    /** Indices of the readings below {@link #UNSURE_BELOW}. */
    static List<Integer> unsure(List<LineReading> readings) {
        List<Integer> unsure = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            if (readings.get(i).confidence() < UNSURE_BELOW) {
                unsure.add(i);
            }
        }
        return unsure;
    }

    /** The reading with the higher mean confidence; the first on a tie. */
    static LineReading moreConfident(LineReading first, LineReading second) {
        return second.confidence() > first.confidence() ? second : first;
    }
}
