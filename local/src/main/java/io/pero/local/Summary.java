package io.pero.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The closing summary of a run. Pure. */
final class Summary {
    private Summary() {
    }

    static String text(RunProgress progress, long nowNanos, Path outDir, String peakRss) {
        StringBuilder s = new StringBuilder();
        int failed = progress.failures().size();
        double wall = progress.doneThisRun() == 0 ? 0 : progress.doneThisRun() / Math.max(progress.rate(nowNanos), 1e-9);
        s.append(String.format(Locale.ROOT, "pero-local: %d pages, %d ok, %d failed; %d processed in this run in %.1f s "
                        + "(%.2f pages/s)", progress.total(), progress.total() - failed, failed, progress.doneThisRun(),
                wall, progress.rate(nowNanos)));
        Duration first = progress.timeToFirstResult();
        s.append('\n').append("  results in ").append(outDir == null ? "-" : outDir.toAbsolutePath().normalize());
        if (first != null) {
            s.append(String.format(Locale.ROOT, "; first result after %.1f s", first.toMillis() / 1000.0));
        }
        s.append("; peak RSS ").append(peakRss);
        for (RunJournal.Finished f : progress.failures()) {
            s.append('\n').append("  FAILED ").append(f.name()).append(": ").append(f.reason());
        }
        return s.toString();
    }
}
