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

    /** Interval of the plain lines written where the stream is not a terminal. */
    static final long PLAIN_EVERY_MS = 10_000;
    private boolean plain;

    /**
     * On a terminal: the {@code \r}-rewritten line. Otherwise (a file, a pipe, journald): a plain line every 10 s and
     * one at the end, so logs show progress without control characters. Decided on {@code out}'s own file descriptor.
     */
    public static ProgressLine forTerminal(PrintStream out, String label, long total) {
        ProgressLine line = new ProgressLine(out, true, label, total, Clock.systemUTC());
        line.plain = !isTerminal(out);
        return line;
    }

    /** A line that never redraws: a plain line every {@link #PLAIN_EVERY_MS} and at the end (tests). */
    static ProgressLine plain(PrintStream out, String label, long total, Clock clock) {
        ProgressLine line = new ProgressLine(out, true, label, total, clock);
        line.plain = true;
        return line;
    }

    /** Whether {@code out} is System.out or System.err and that descriptor is a terminal (Linux: /proc/self/fd). */
    static boolean isTerminal(PrintStream out) {
        int fd = out == System.out ? 1 : out == System.err ? 2 : -1;
        if (fd < 0) {
            return false;
        }
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null; // no /proc: the best the JDK 17 can tell
        }
    }

    public synchronized void setTotal(long total) {
        this.total = total;
    }

    public synchronized void advance() {
        done++;
        long now = clock.millis();
        if (enabled && plain) {
            if (lastDrawMs == Long.MIN_VALUE) {
                lastDrawMs = now;
            } else if (now - lastDrawMs >= PLAIN_EVERY_MS) {
                lastDrawMs = now;
                out.println(render(now));
                out.flush();
            }
        } else if (enabled && now - lastDrawMs >= REDRAW_MS) {
            lastDrawMs = now;
            out.print("\r" + render(now));
            out.flush();
        }
    }

    /** Draws the final state and ends the line. */
    public synchronized void finish() {
        if (enabled && done > 0) {
            out.print((plain ? "" : "\r") + render(clock.millis()) + System.lineSeparator());
            out.flush();
        }
    }

    synchronized String render(long nowMs) {
        double seconds = Math.max(0.001, (nowMs - startMs) / 1000.0);
        String of = total > 0 ? done + "/" + Math.max(total, done) : String.valueOf(done);
        return String.format(Locale.ROOT, "%s %s %.1f/s", label, of, done / seconds);
    }
}
