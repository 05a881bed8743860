package io.pero.watchdog;

import io.pero.watchdog.apply.ApplyResult;
import io.pero.watchdog.plan.DeadWorkerSweep;
import io.pero.watchdog.plan.Move;
import io.pero.watchdog.plan.Plan;
import io.pero.watchdog.plan.StageScore;
import io.pero.watchdog.plan.WaitingSinceChange;
import java.util.List;
import java.util.Locale;

/** Plans in words: one log line for the INFO event, a readable block for {@code --dry-run}. */
final class PlanReport {
    private PlanReport() {
    }

    static String moves(List<Move> moves) {
        return moves.stream().map(m -> m.workerId() + " " + (m.from().isEmpty() ? "(none)" : m.from()) + "->" + m.to())
                .toList().toString();
    }

    static String logLine(Plan plan, ApplyResult result) {
        return String.format(Locale.ROOT, "plan applied policy=%s moves=%s wakes=%d waiting_since=%d skipped=%s",
                plan.policy(), moves(result.applied()), result.wakes(), result.waitingSinceChanges(), result.skipped());
    }

    /** The {@code --dry-run} output: stage scores, then what would be written and why. */
    static String dryRun(Plan plan, List<DeadWorkerSweep.Disconnected> disconnected) {
        StringBuilder out = new StringBuilder();
        out.append("policy: ").append(plan.policy()).append(System.lineSeparator());
        String format = "%-24s %10s %8s %14s %9s%n";
        out.append(String.format(Locale.ROOT, format, "STAGE", "MESSAGES", "WORKERS", "SCORE", "RELATIVE"));
        for (StageScore s : plan.scores()) {
            out.append(String.format(Locale.ROOT, format, s.stage(), s.messages(), s.workers(), number(s.score()),
                    Double.isNaN(s.relative()) ? "-" : String.format(Locale.ROOT, "%.3f", s.relative())));
        }
        section(out, "moves (unlock_time, then queue)", plan.moves().stream()
                .map(m -> String.format(Locale.ROOT, "%s: %s -> %s, unlock %s; %s", m.workerId(),
                        m.from().isEmpty() ? "(none)" : m.from(), m.to(), m.unlockTime(), m.reason())).toList());
        section(out, "wakes (queue rewritten unchanged)", plan.wakes());
        section(out, "waiting_since", plan.waitingSince().stream().map(PlanReport::waiting).toList());
        section(out, "disconnected workers", disconnected.stream()
                .map(d -> d.workerId() + " (" + d.status() + ")").toList());
        section(out, "notes", plan.notes());
        out.append(plan.writesNothing() ? "nothing to write" : "dry run: nothing written").append(System.lineSeparator());
        return out.toString();
    }

    private static String waiting(WaitingSinceChange c) {
        return c.stage() + " = " + c.value().map(Object::toString).orElse("'' (cleared)");
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(title).append(':').append(System.lineSeparator());
        lines.forEach(l -> out.append("  ").append(l).append(System.lineSeparator()));
    }

    private static String number(double v) {
        return Double.isInfinite(v) ? "unbounded" : String.format(Locale.ROOT, "%.1f", v);
    }
}
