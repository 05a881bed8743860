package io.pero.cli.stats;

import com.google.protobuf.Timestamp;
import io.pero.common.status.StageLogStatus;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics of {@code stats.py} (spec §9.7) over result messages: per stage and per worker the processing time
 * ({@code end - start}), per stage the waiting time ({@code start -} the previous stage's {@code end}, or the request's
 * {@code start_time} for the first stage), the total time ({@code start_time} to the last {@code end}), pipelines by stage
 * sequence, and a timeline of stage completions per minute. A message with any log whose status is not OK counts as
 * failed for that stage and adds no times, as in the original. Pure; not thread-safe.
 */
public final class ResultStatistics {
    private final Map<String, DoubleSummaryStatistics> processing = new TreeMap<>();
    private final Map<String, DoubleSummaryStatistics> waiting = new TreeMap<>();
    private final Map<String, DoubleSummaryStatistics> perWorker = new TreeMap<>();
    private final Map<String, Long> failedPerStage = new TreeMap<>();
    private final Map<String, DoubleSummaryStatistics> pipelines = new TreeMap<>();
    private final Map<Instant, Map<String, Long>> timeline = new TreeMap<>();
    private final DoubleSummaryStatistics total = new DoubleSummaryStatistics();
    private long messages;
    private long failedMessages;
    private long unprocessedMessages;

    public void add(ProcessingRequest message) {
        messages++;
        List<StageLog> logs = message.getLogsList();
        boolean failed = false;
        for (StageLog log : logs) {
            if (!StageLogStatus.OK.equals(log.getStatus())) {
                failedPerStage.merge(log.getStage(), 1L, Long::sum);
                failed = true;
            }
        }
        if (failed) {
            failedMessages++;
            return;
        }
        if (logs.isEmpty()) {
            unprocessedMessages++;
            return;
        }
        Timestamp previousEnd = message.hasStartTime() ? message.getStartTime() : null;
        List<String> sequence = new ArrayList<>();
        for (StageLog log : logs) {
            double seconds = seconds(log.getStart(), log.getEnd());
            processing.computeIfAbsent(log.getStage(), s -> new DoubleSummaryStatistics()).accept(seconds);
            perWorker.computeIfAbsent(log.getHostId() + " " + log.getStage(), s -> new DoubleSummaryStatistics())
                    .accept(seconds);
            if (previousEnd != null) {
                waiting.computeIfAbsent(log.getStage(), s -> new DoubleSummaryStatistics())
                        .accept(seconds(previousEnd, log.getStart()));
            }
            Instant minute = instant(log.getEnd()).truncatedTo(ChronoUnit.MINUTES);
            timeline.computeIfAbsent(minute, m -> new TreeMap<>()).merge(log.getStage(), 1L, Long::sum);
            previousEnd = log.getEnd();
            sequence.add(log.getStage());
        }
        if (message.hasStartTime()) {
            double seconds = seconds(message.getStartTime(), logs.get(logs.size() - 1).getEnd());
            total.accept(seconds);
            pipelines.computeIfAbsent(String.join(" -> ", sequence), s -> new DoubleSummaryStatistics()).accept(seconds);
        }
    }

    /** The report; {@code timelines} adds the per-minute completion counts. */
    public List<String> report(boolean timelines) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Messages: %d, processed: %d, failed: %d, without any stage log: %d", messages,
                messages - failedMessages - unprocessedMessages, failedMessages, unprocessedMessages));
        lines.add("");
        lines.add("Processing time per stage (s):");
        table(lines, "stage", processing, failedPerStage);
        lines.add("");
        lines.add("Waiting time per stage (s):");
        table(lines, "stage", waiting, Map.of());
        lines.add("");
        lines.add("Processing time per worker and stage (s):");
        table(lines, "worker stage", perWorker, Map.of());
        lines.add("");
        lines.add("Total time per pipeline (s):");
        table(lines, "pipeline", pipelines, Map.of());
        if (total.getCount() > 0) {
            lines.add(String.format(Locale.ROOT, "  all pipelines: count %d, mean %.3f, min %.3f, max %.3f", total.getCount(),
                    total.getAverage(), total.getMin(), total.getMax()));
        }
        if (timelines) {
            lines.add("");
            lines.add("Timeline (stage completions per minute, UTC):");
            timeline.forEach((minute, counts) -> lines.add("  " + minute + "  " + counts));
        }
        return lines;
    }

    private static void table(List<String> lines, String what, Map<String, DoubleSummaryStatistics> stats,
                              Map<String, Long> failed) {
        if (stats.isEmpty() && failed.isEmpty()) {
            lines.add("  -");
            return;
        }
        TreeMap<String, DoubleSummaryStatistics> all = new TreeMap<>(stats);
        failed.keySet().forEach(k -> all.putIfAbsent(k, new DoubleSummaryStatistics()));
        all.forEach((key, s) -> lines.add(String.format(Locale.ROOT, "  %s %s: count %d%s%s", what, key, s.getCount(),
                s.getCount() == 0 ? "" : String.format(Locale.ROOT, ", mean %.3f, min %.3f, max %.3f", s.getAverage(),
                        s.getMin(), s.getMax()),
                failed.containsKey(key) ? ", failed " + failed.get(key) : "")));
    }

    private static double seconds(Timestamp from, Timestamp to) {
        return Duration.between(instant(from), instant(to)).toNanos() / 1e9;
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
