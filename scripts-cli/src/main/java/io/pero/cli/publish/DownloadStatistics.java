package io.pero.cli.publish;

import com.google.protobuf.Timestamp;
import io.pero.common.status.StageLogStatus;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --count-statistics}: per stage, how many attempts succeeded and failed and the mean processing time
 * ({@code end - start}) of the successful ones; and the mean total time of messages that passed every stage.
 * A simplified {@code stats.py StatsCounter} (spec §9.7). Pure.
 */
public final class DownloadStatistics {
    private static final class StageCounts {
        long ok;
        long failed;
        double okSeconds;
    }

    private final Map<String, StageCounts> stages = new LinkedHashMap<>();
    private long messages;
    private long completeMessages;
    private double completeSeconds;

    public void add(ProcessingRequest message) {
        messages++;
        boolean allOk = message.getLogsCount() > 0;
        Timestamp lastEnd = null;
        for (StageLog log : message.getLogsList()) {
            StageCounts c = stages.computeIfAbsent(log.getStage(), s -> new StageCounts());
            if (StageLogStatus.OK.equals(log.getStatus()) && log.hasEnd()) {
                c.ok++;
                c.okSeconds += seconds(log.getStart(), log.getEnd());
                lastEnd = log.getEnd();
            } else {
                c.failed++;
                allOk = false;
            }
        }
        if (allOk && lastEnd != null && message.hasStartTime()) {
            completeMessages++;
            completeSeconds += seconds(message.getStartTime(), lastEnd);
        }
    }

    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("Statistics of " + messages + " messages:");
        stages.forEach((stage, c) -> lines.add(String.format(Locale.ROOT, "  stage %s: %d OK, %d failed, mean processing time %s",
                stage, c.ok, c.failed, c.ok == 0 ? "-" : String.format(Locale.ROOT, "%.3f s", c.okSeconds / c.ok))));
        lines.add(String.format(Locale.ROOT, "  messages through every stage: %d, mean total time %s", completeMessages,
                completeMessages == 0 ? "-" : String.format(Locale.ROOT, "%.3f s", completeSeconds / completeMessages)));
        return lines;
    }

    private static double seconds(Timestamp from, Timestamp to) {
        return (to.getSeconds() - from.getSeconds()) + (to.getNanos() - from.getNanos()) / 1e9;
    }
}
