package io.pero.watchdog.apply;

/** Writing stopped: this watchdog is no longer sure it leads. */
final class LeadershipLostException extends Exception {
    LeadershipLostException(String message) {
        super(message);
    }
}
