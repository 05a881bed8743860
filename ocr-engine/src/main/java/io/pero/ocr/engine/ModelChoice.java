package io.pero.ocr.engine;

import io.pero.ocr.config.ModelRef;
import io.pero.ocr.config.RecognitionConfig;
import java.util.Map;

/**
 * Resolves which recognizer models and dictionaries to load: the automatic choice (the English PP-OCRv4 recognizer
 * committed with this module) and the dictionaries of bundled models. There is no silent fallback to a weaker model:
 * a class path without the English recognizer is a broken build and the engine refuses to start.
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
            model = ModelRef.builtin(RecognitionConfig.ENGLISH_MODEL);
            reason = "automatic: English recognizer bundled with the engine";
            if (!SessionFactory.ModelBytes.exists(model)) {
                throw new IllegalStateException("the default recognizer " + RecognitionConfig.ENGLISH_MODEL
                        + " is not on the class path (broken build: it is committed under ocr-engine/src/main/resources);"
                        + " refusing to run with a weaker model. Set [RECOGNITION] MODEL to choose one explicitly");
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
