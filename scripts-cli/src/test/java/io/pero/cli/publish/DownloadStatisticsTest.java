package io.pero.cli.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownloadStatisticsTest {
    private static Timestamp at(long seconds) {
        return Timestamp.newBuilder().setSeconds(seconds).build();
    }

    private static StageLog ok(String stage, long start, long end) {
        return StageLog.newBuilder().setStage(stage).setStart(at(start)).setEnd(at(end)).setStatus("OK").build();
    }

    @Test
    void countsAttemptsPerStageAndAveragesSuccessfulProcessingTimes() {
        DownloadStatistics stats = new DownloadStatistics();
        stats.add(ProcessingRequest.newBuilder().setStartTime(at(100)).addLogs(ok("a", 101, 103)).addLogs(ok("b", 104, 105)).build());
        stats.add(ProcessingRequest.newBuilder().setStartTime(at(100)).addLogs(ok("a", 101, 105))
                .addLogs(StageLog.newBuilder().setStage("b").setStart(at(106)).setStatus("Failed")).build());

        assertEquals(List.of(
                "Statistics of 2 messages:",
                "  stage a: 2 OK, 0 failed, mean processing time 3.000 s",
                "  stage b: 1 OK, 1 failed, mean processing time 1.000 s",
                "  messages through every stage: 1, mean total time 5.000 s"), stats.summary());
    }
}
