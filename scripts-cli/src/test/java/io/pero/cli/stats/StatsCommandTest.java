package io.pero.cli.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.pero.common.config.ExitCodes;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pero-stats over a download directory laid out as pero-publisher --save-message writes it. */
class StatsCommandTest {
    private static final long T0 = 1_700_000_000L; // 2023-11-14T22:13:20Z

    @TempDir
    Path dir;

    private static Timestamp at(double seconds) {
        long whole = (long) Math.floor(seconds);
        return Timestamp.newBuilder().setSeconds(T0 + whole).setNanos((int) Math.round((seconds - whole) * 1e9)).build();
    }

    private static StageLog log(String stage, String host, String status, double start, double end) {
        StageLog.Builder b = StageLog.newBuilder().setStage(stage).setHostId(host).setStatus(status).setStart(at(start));
        if (end >= 0) {
            b.setEnd(at(end));
        }
        return b.build();
    }

    private void save(String uuid, ProcessingRequest.Builder message) throws Exception {
        Path d = Files.createDirectories(dir.resolve(uuid));
        Files.write(d.resolve("message_body"), message.setUuid(uuid).build().toByteArray());
    }

    private List<String> run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StatsMain.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8), args);
        assertEquals(ExitCodes.OK, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void timesPerStageWorkerAndPipelineAsStatsPy() throws Exception {
        // m1: waits 1 s, a takes 2 s on w1, waits 1 s, b takes 4 s on w2: total 8 s.
        save("m1", ProcessingRequest.newBuilder().setStartTime(at(0))
                .addLogs(log("a", "w1", "OK", 1, 3)).addLogs(log("b", "w2", "OK", 4, 8)));
        // m2: waits 0 s, a takes 4 s on w1, waits 2 s, b takes 2 s on w1: total 8 s.
        save("m2", ProcessingRequest.newBuilder().setStartTime(at(10))
                .addLogs(log("a", "w1", "OK", 10, 14)).addLogs(log("b", "w1", "OK", 16, 18)));
        // m3: failed in b: counted as failed for b, adds no times.
        save("m3", ProcessingRequest.newBuilder().setStartTime(at(20))
                .addLogs(log("a", "w2", "OK", 20, 21)).addLogs(log("b", "w2", "Failed", 21, -1)));
        Files.createDirectories(dir.resolve("no-body")); // a result saved without --save-message is skipped

        List<String> report = run("-d", dir.toString(), "-s");
        assertEquals(List.of(
                "Messages: 3, processed: 2, failed: 1, without any stage log: 0",
                "",
                "Processing time per stage (s):",
                "  stage a: count 2, mean 3.000, min 2.000, max 4.000",
                "  stage b: count 2, mean 3.000, min 2.000, max 4.000, failed 1",
                "",
                "Waiting time per stage (s):",
                "  stage a: count 2, mean 0.500, min 0.000, max 1.000",
                "  stage b: count 2, mean 1.500, min 1.000, max 2.000",
                "",
                "Processing time per worker and stage (s):",
                "  worker stage w1 a: count 2, mean 3.000, min 2.000, max 4.000",
                "  worker stage w1 b: count 1, mean 2.000, min 2.000, max 2.000",
                "  worker stage w2 b: count 1, mean 4.000, min 4.000, max 4.000",
                "",
                "Total time per pipeline (s):",
                "  pipeline a -> b: count 2, mean 8.000, min 8.000, max 8.000",
                "  all pipelines: count 2, mean 8.000, min 8.000, max 8.000"), report);

        List<String> withTimeline = run("-d", dir.toString());
        // Every successful stage ended within 22:13:20..22:13:38; the failed message adds nothing.
        assertEquals(List.of("Timeline (stage completions per minute, UTC):", "  2023-11-14T22:13:00Z  {a=2, b=2}"),
                withTimeline.subList(withTimeline.size() - 2, withTimeline.size()));
    }

    @Test
    void rawPrintsOneLinePerStageLog() throws Exception {
        save("m1", ProcessingRequest.newBuilder().setStartTime(at(0)).addLogs(log("a", "w1", "Failed", 1, -1)));
        assertEquals(List.of("m1\ta\tw1\tFailed\t2023-11-14T22:13:21Z\t-"), run("-d", dir.toString(), "-r"));
    }

    @Test
    void aDirectoryWithoutMessageBodiesIsBadInputThatSaysHowToMakeOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StatsMain.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), "-d", dir.toString());
        assertEquals(ExitCodes.BAD_CONFIG, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--save-message"), err.toString(StandardCharsets.UTF_8));
    }
}
