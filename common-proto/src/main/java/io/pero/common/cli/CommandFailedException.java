package io.pero.common.cli;

/** The operation ran and failed (exit code 1); the message is {@code <what>: <why>}. */
public final class CommandFailedException extends RuntimeException {
    public CommandFailedException(String message) {
        super(message);
    }

    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
