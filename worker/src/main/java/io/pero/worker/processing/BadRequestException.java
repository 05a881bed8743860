package io.pero.worker.processing;

/**
 * Thrown by a {@link RequestProcessor} when the request itself can never be processed (corrupt or missing image,
 * malformed input PAGE XML). The request goes to the output queue with status Failed and the reason in its stage log,
 * like any failure, but it does not count toward the worker's consecutive-error limit.
 */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message, Throwable cause) {
        super(message, cause);
    }

    public BadRequestException(String message) {
        super(message);
    }
}
