package io.pero.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Pages finished so far in this run, the failures with their reasons, and the progress line. The clock is passed in
 * (nanoseconds), so the arithmetic is testable.
 */
final class RunProgress {
    private final int total;
    private final int finishedBefore;
    private final long startNanos;
    private final CountDownLatch remaining;
    private final List<RunJournal.Finished> failures = new ArrayList<>();
    private long firstResultNanos = -1;

    /** {@code total} pages in the run, of which {@code earlier} finished in an earlier run (with their failures). */
    RunProgress(int total, List<RunJournal.Finished> earlier, long startNanos) {
        this.total = total;
        this.finishedBefore = earlier.size();
        this.startNanos = startNanos;
        this.remaining = new CountDownLatch(total - earlier.size());
        earlier.stream().filter(f -> !f.ok()).forEach(failures::add);
    }

    synchronized void finished(RunJournal.Finished f, long nowNanos) {
        if (!f.ok()) {
            failures.add(f);
        }
        if (firstResultNanos < 0) {
            firstResultNanos = nowNanos;
        }
        remaining.countDown();
    }

    boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
        return remaining.await(timeout, unit);
    }

    int total() {
        return total;
    }

    int done() {
        return total - (int) remaining.getCount();
    }

    /** Pages finished by this run (not counting those an earlier run finished). */
    int doneThisRun() {
        return done() - finishedBefore;
    }

    synchronized List<RunJournal.Finished> failures() {
        return List.copyOf(failures);
    }

    synchronized Duration timeToFirstResult() {
        return firstResultNanos < 0 ? null : Duration.ofNanos(firstResultNanos - startNanos);
    }

    /** Pages per second over this run so far. */
    double rate(long nowNanos) {
        double seconds = (nowNanos - startNanos) / 1e9;
        return seconds <= 0 ? 0 : doneThisRun() / seconds;
    }

    /** {@code 3/10 pages  0.42 pages/s  ETA 17 s  1 failed}. */
    String line(long nowNanos) {
        double rate = rate(nowNanos);
        int left = total - done();
        String eta = left == 0 ? "done" : rate > 0 ? "ETA " + seconds(left / rate) : "ETA ?";
        int failed = failures().size();
        return String.format(Locale.ROOT, "%d/%d pages  %.2f pages/s  %s%s", done(), total, rate, eta,
                failed == 0 ? "" : "  " + failed + " failed");
    }

    static String seconds(double s) {
        long whole = Math.round(s);
        return whole < 120 ? whole + " s" : whole / 60 + " min " + whole % 60 + " s";
    }
}
