package io.pero.worker.processing;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The log of one request at one stage: each line goes into {@code StageLog.log} as bare message text, one line each
 * (spec §2, §6.6); DEBUG lines only when the worker runs with {@code -d}, as in the original, whatever the local log
 * configuration says about other levels. Warnings and errors also go to the worker log (stderr and the remote log queue);
 * INFO lines go there only at DEBUG, so a fast stage does not pay a console and a log-queue line for each of them.
 */
// Differs from the original: its per-request INFO lines (e.g. the DUMMY processor's four) were also worker-log lines at
// INFO; they cost more than a zero-time stage's work. They stay in the request's StageLog; -d shows them in the log too.
// Differs from the original: it captured every line of the worker logger while a request was processed; an explicit
// logger keeps lines of concurrent work (stage switches, other workers in the same JVM) out of the request's log.
public final class StageLogger {
    private final Logger delegate;
    private final List<String> lines = new ArrayList<>();

    public StageLogger(Logger delegate) {
        this.delegate = delegate;
    }

    public void debug(String format, Object... args) {
        if (delegate.isDebugEnabled()) {
            String text = format(format, args);
            delegate.debug(text);
            capture(text);
        }
    }

    public void info(String format, Object... args) {
        String text = format(format, args);
        if (delegate.isDebugEnabled()) {
            delegate.debug(text);
        }
        capture(text);
    }

    public void warn(String format, Object... args) {
        String text = format(format, args);
        delegate.warn(text);
        capture(text);
    }

    public void error(String format, Object... args) {
        String text = format(format, args);
        delegate.error(text);
        capture(text);
    }

    /** Adds text to the stage log only (not the worker log), e.g. the delivery-failure note. */
    public void note(String text) {
        capture(text);
    }

    /** Captured lines, each ending in a newline, as {@code StageLog.log} expects. */
    public String text() {
        synchronized (lines) {
            StringBuilder sb = new StringBuilder();
            for (String line : lines) {
                sb.append(line).append('\n');
            }
            return sb.toString();
        }
    }

    private void capture(String text) {
        synchronized (lines) {
            lines.add(text);
        }
    }

    private static String format(String format, Object... args) {
        return args.length == 0 ? format : MessageFormatter.arrayFormat(format, args).getMessage();
    }
}
