package io.pero.ocr.stage;

/** A stage directory that cannot be packed (bad or missing config.ini, a model path outside the directory). */
public class StagePackException extends RuntimeException {
    public StagePackException(String message) {
        super(message);
    }

    public StagePackException(String message, Throwable cause) {
        super(message, cause);
    }
}
