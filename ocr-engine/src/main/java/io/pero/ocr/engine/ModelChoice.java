package io.pero.ocr.engine;

import io.pero.ocr.config.ModelRef;
import io.pero.ocr.config.RecognitionConfig;
import java.util.Map;

/**
 * Resolves which recognizer models and dictionaries to load: the automatic choice (English PP-OCRv4 when the build
 * bundled it, else the Maven-only ch_PP-OCRv3) and the dictionaries of bundled models.
 */
record ModelChoice(ModelRef model, ModelRef dictionary, String reason) {

    private static final Map<String, String> BUILTIN_DICTIONARIES = Map.of(
            RecognitionConfig.ENGLISH_MODEL, RecognitionConfig.ENGLISH_DICTIONARY,
            RecognitionConfig.LATIN_CHINESE_MODEL, RecognitionConfig.LATIN_CHINESE_DICTIONARY,
            "ch_PP-OCRv4_rec_infer.onnx", RecognitionConfig.LATIN_CHINESE_DICTIONARY);

    static ModelChoice of(RecognitionConfig config) {
        ModelRef model = config.model();
        String reason = "configured";
        if (model == null) {
            ModelRef english = ModelRef.builtin(RecognitionConfig.ENGLISH_MODEL);
            if (SessionFactory.ModelBytes.exists(english)) {
                model = english;
                reason = "automatic: English recognizer bundled by the build";
            } else {
                model = ModelRef.builtin(RecognitionConfig.LATIN_CHINESE_MODEL);
                reason = "automatic: English recognizer not bundled (npm was unavailable at build time)";
            }
        }
        ModelRef dictionary = dictionaryOf(model, config.dictionary());
        return new ModelChoice(model, dictionary, reason);
    }

    private static ModelRef dictionaryOf(ModelRef model, ModelRef configured) {
        if (configured != null) {
            return configured;
        }
        String builtin = model.isBuiltin() ? BUILTIN_DICTIONARIES.get(model.builtin()) : null;
        if (builtin == null) {
            throw new IllegalArgumentException("no dictionary known for recognizer " + model
                    + ": set [RECOGNITION] DICTIONARY");
        }
        return ModelRef.builtin(builtin);
    }
}
