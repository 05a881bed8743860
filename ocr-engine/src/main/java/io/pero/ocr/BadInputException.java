package io.pero.ocr;

/**
 * The inputs of an OCR request cannot be used (an image that is not one, too large, corrupt; an input PAGE XML that
 * is not PAGE). Processing the same bytes again cannot succeed, so callers must not retry: the worker routes such a
 * request to its output with a failed log instead. The message names the input and what is wrong.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
