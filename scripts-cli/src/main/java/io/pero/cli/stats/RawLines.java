package io.pero.cli.stats;

import com.google.protobuf.Timestamp;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code pero-stats --raw}: one line per stage log of a message, tab-separated, for other tools. Pure. */
final class RawLines {
    private RawLines() {
    }

    /** {@code uuid stage host_id status start end} per log; times are UTC ISO, an unset end is {@code -}. */
    static List<String> of(ProcessingRequest message) {
        List<String> lines = new ArrayList<>();
        for (StageLog log : message.getLogsList()) {
            lines.add(String.join("\t", message.getUuid(), log.getStage(), log.getHostId(), log.getStatus(),
                    iso(log.getStart()), log.hasEnd() ? iso(log.getEnd()) : "-"));
        }
        return lines;
    }

    private static String iso(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
    }
}
