package io.pero.local;

import io.pero.common.status.StageLogStatus;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import java.util.List;

/**
 * What a request coming out of the pipeline means for its page: the page name (the name of the image the request
 * was created with, {@code results[0]}), the result files to write (every other result, under its own name, as the
 * publisher writes them), and whether every stage succeeded, with the failing stage's reason otherwise. Pure.
 */
record PageOutcome(String page, List<Data> resultFiles, boolean ok, String reason) {

    static PageOutcome of(ProcessingRequest request) {
        String page = request.getResultsCount() == 0 ? "" : request.getResults(0).getName();
        List<Data> files = request.getResultsList().stream().skip(1).toList();
        for (StageLog log : request.getLogsList()) {
            if (!StageLogStatus.OK.equals(log.getStatus())) {
                return new PageOutcome(page, files, false, log.getStage() + ": " + lastLine(log.getLog(), log.getStatus()));
            }
        }
        if (request.getLogsCount() == 0) {
            return new PageOutcome(page, files, false, "no stage processed it (no stage log)");
        }
        return new PageOutcome(page, files, true, "");
    }

    /** The last non-blank line of a stage log (where the worker writes why processing failed). */
    private static String lastLine(String text, String fallback) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? fallback : lines.get(lines.size() - 1);
    }
}
