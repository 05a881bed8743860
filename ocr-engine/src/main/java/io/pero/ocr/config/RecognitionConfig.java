package io.pero.ocr.config;

/**
 * Text recognition settings (section {@code [RECOGNITION]}).
 *
 * @param model              CTC recognizer; null = automatic (the bundled English PP-OCRv4)
 * @param dictionary         its character list, one per line (PaddleOCR format); null = the builtin model's own
 * @param useSpaceChar       the model has a space class after the dictionary (PaddleOCR {@code use_space_char})
 * @param batchSize          lines per inference batch (lines of similar width are batched together); 0 = automatic:
 *                           1 on the CPU (measured: batching only costs there, the per-line time grows with the
 *                           batch through cache misses) and 16 on the GPU
 * @param minConfidence      lines whose mean character confidence is below this are dropped
 * @param maxLineWidth       widest line crop (pixels at the model's input height); wider lines are squeezed
 * @param widthScale         line crops are narrowed by this factor after scaling to the input height: recognition
 *                           time is proportional to the width, and on the evaluation pages the error rate did not
 *                           change down to 0.75 (at 0.65 it rose by a seventh)
 * @param restoreUmlauts     put back ä ö ü (the English recognizer reads a o u) where two marks above the letter show
 *                           a diaeresis; only used with a recognizer whose alphabet lacks them
 */
public record RecognitionConfig(ModelRef model, ModelRef dictionary, boolean useSpaceChar, int batchSize,
                                double minConfidence, int maxLineWidth, double widthScale, boolean restoreUmlauts) {

    public static final String ENGLISH_MODEL = "en_PP-OCRv4_rec.onnx";
    public static final String ENGLISH_DICTIONARY = "en_dict.txt";
    public static final String LATIN_CHINESE_MODEL = "ch_PP-OCRv3_rec_infer.onnx";
    public static final String LATIN_CHINESE_DICTIONARY = "ppocr_keys_v1.txt";

    /** The batch size to use on the given device. */
    public int effectiveBatchSize(boolean onGpu) {
        return batchSize > 0 ? batchSize : onGpu ? 16 : 1;
    }

    public static RecognitionConfig defaults() {
        return new RecognitionConfig(null, null, true, 0, 0.5, 4000, 0.75, true);
    }
}
