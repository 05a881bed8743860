package io.pero.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

/**
 * A one-line progress display ({@code \r}-rewritten): {@code label done/total rate/s}. Shown only on an interactive
 * terminal; otherwise every call is a no-op, so logs and pipes stay clean. Redraws at most every 200 ms.
 */
public final class ProgressLine {
    private static final long REDRAW_MS = 200;

    private final PrintStream out;
    private final boolean enabled;
    private final String label;
    private final Clock clock;
    private final long startMs;
    private long total;
    private long done;
    private long lastDrawMs = Long.MIN_VALUE;

    public ProgressLine(PrintStream out, boolean enabled, String label, long total, Clock clock) {
        this.out = out;
        this.enabled = enabled;
        this.label = label;
        this.total = total;
        this.clock = clock;
        this.startMs = clock.millis();
    }

    /** Enabled iff this process has a console (stdin and stdout are a terminal). */
    public static ProgressLine forTerminal(PrintStream out, String label, long total) {
        return new ProgressLine(out, System.console() != null, label, total, Clock.systemUTC());
    }

    public synchronized void setTotal(long total) {
        this.total = total;
    }

    public synchronized void advance() {
        done++;
        long now = clock.millis();
        if (enabled && now - lastDrawMs >= REDRAW_MS) {
            lastDrawMs = now;
            out.print("\r" + render(now));
            out.flush();
        }
    }

    /** Draws the final state and ends the line. */
    public synchronized void finish() {
        if (enabled && done > 0) {
            out.print("\r" + render(clock.millis()) + System.lineSeparator());
            out.flush();
        }
    }

    synchronized String render(long nowMs) {
        double seconds = Math.max(0.001, (nowMs - startMs) / 1000.0);
        String of = total > 0 ? done + "/" + Math.max(total, done) : String.valueOf(done);
        return String.format(Locale.ROOT, "%s %s %.1f/s", label, of, done / seconds);
    }
}
