package io.pero.worker.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pero.common.config.ConfigException;
import io.pero.common.config.IniFile;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

class DummyProcessorTest {

    private static IniFile ini(String body) {
        return IniFile.parse("[WORKER]\nDUMMY=1\n" + body, "dummy.ini");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "defaults: size × 1                     | ''                                      | 9 | 0.5 | 9.0",
            "TIME_SCALE=2 (the original's dummy1)   | TIME_SCALE=2                            | 9 | 0.5 | 18.0",
            "TIME_DELTA=10, draw at the low end     | TIME_DELTA=10                           | 9 | 0.0 | 0.0",
            "TIME_DELTA=10, draw at the high end    | TIME_DELTA=10                           | 9 | 1.0 | 19.0",
            "explicit range                         | TIME_DIFF_MIN=1;TIME_DIFF_MAX=3         | 0 | 0.5 | 2.0",
            "range needs both ends                  | TIME_DIFF_MIN=1                         | 4 | 0.5 | 4.0",
            "range 0..0 falls back to the delta     | TIME_DIFF_MIN=0;TIME_DIFF_MAX=0;TIME_DELTA=2 | 0 | 1.0 | 2.0",
            "TIME_MIN/TIME_MAX are ignored (dummy2) | TIME_MIN=5;TIME_MAX=6               | 3 | 0.5 | 3.0",
            "never negative                         | TIME_SCALE=0;TIME_DIFF_MIN=-5;TIME_DIFF_MAX=-1 | 3 | 0.5 | 0.0"})
    void simulatedTimeFollowsTheOriginalsFormula(String name, String keys, long size, double draw, double seconds) {
        DummySettings settings = DummySettings.from(ini(keys.replace(';', '\n')));
        assertEquals(seconds, settings.seconds(size, draw), 1e-9, name);
    }

    @Test
    void minAboveMaxIsAClearConfigError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> DummySettings.from(ini("TIME_DIFF_MIN=5\nTIME_DIFF_MAX=1\n")));
        assertTrue(e.getMessage().contains("TIME_DIFF_MIN") && e.getMessage().contains("dummy.ini"), e.getMessage());
    }

    @Test
    void nonNumericValueIsAClearConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> DummySettings.from(ini("TIME_SCALE=fast\n")));
        assertTrue(e.getMessage().contains("TIME_SCALE"), e.getMessage());
    }

    @Test
    void factoryRejectsBadDummyConfigBeforeAnyMessage() {
        WorkerProcessorFactory factory = new WorkerProcessorFactory(context -> {
            throw new AssertionError("a DUMMY stage must not reach the OCR slot");
        });
        assertThrows(ConfigException.class, () -> factory.create(
                new ProcessorContext("s", Path.of("."), ini("TIME_DIFF_MIN=5\nTIME_DIFF_MAX=1\n"), "1")));
    }

    @Test
    void waitsTheComputedTimeAndLogsItsDetailsIntoTheStageLog() throws Exception {
        List<Duration> slept = new ArrayList<>();
        DummyProcessor processor = new DummyProcessor(DummySettings.from(ini("TIME_SCALE=0.5\nTIME_DELTA=1\n")),
                () -> 0.75, slept::add);
        ProcessingRequest.Builder request = ProcessingRequest.newBuilder().addProcessingStages("test")
                .addResults(Data.newBuilder().setName("idk").setContent(ByteString.copyFromUtf8("testdata\n")));
        StageLogger log = new StageLogger(LoggerFactory.getLogger("test"));
        processor.process(request, log);
        assertEquals(List.of(Duration.ofMillis(5000)), slept);
        assertEquals("Dummy processing, waiting for 5.0 seconds\nDummy processing time: 5.0 seconds\n"
                + "Request data size: 9\nProcessing time scale: 0.5\nTime delta: 1.0\n", log.text());
        assertEquals(1, request.getResultsCount(), "results unchanged");
    }

    @Test
    void zeroTimeProcessingDoesNotSleepAtAll() throws Exception {
        List<Duration> slept = new ArrayList<>();
        DummyProcessor processor = new DummyProcessor(DummySettings.from(ini("TIME_SCALE=0\n")), () -> 0.5, slept::add);
        StageLogger log = new StageLogger(LoggerFactory.getLogger("test"));
        processor.process(ProcessingRequest.newBuilder().addProcessingStages("test")
                .addResults(Data.newBuilder().setName("p").setContent(ByteString.copyFromUtf8("x"))), log);
        assertEquals(List.of(), slept, "no sleep(0), which would yield the CPU");
        assertTrue(log.text().contains("Dummy processing time: 0.0 seconds\n"), log.text());
    }

    @Test
    void requestWithoutResultsFailsWithAReason() {
        DummyProcessor processor = new DummyProcessor(DummySettings.from(ini("")), () -> 0, d -> { });
        StageLogger log = new StageLogger(LoggerFactory.getLogger("test"));
        assertThrows(IllegalArgumentException.class, () -> processor.process(ProcessingRequest.newBuilder(), log));
        assertTrue(log.text().contains("no results"), log.text());
    }

    @Test
    void factoryPicksByWorkerSectionInTheOriginalsOrder() throws Exception {
        WorkerProcessorFactory factory = new WorkerProcessorFactory(ctx -> {
            throw new IllegalStateException("ocr chosen");
        });
        assertTrue(factory.create(context("[WORKER]\nDUMMY=False\nFAILTEST=1\n")) instanceof DummyProcessor);
        assertTrue(factory.create(context("[WORKER]\nFAILTEST=yes\n")) instanceof FailTestProcessor);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> factory.create(context("[WORKER]\nDUMMY=\n[PAGE_PARSER]\nRUN_OCR=yes\n")));
        assertEquals("ocr chosen", e.getMessage());
    }

    @Test
    void failTestProcessorAlwaysFails() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> new FailTestProcessor()
                .process(ProcessingRequest.newBuilder().addProcessingStages("f"),
                        new StageLogger(LoggerFactory.getLogger("test"))));
        assertEquals("Simulated processing failure", e.getMessage());
    }

    @Test
    void stageWithoutDummyOrFailtestGoesToTheOcrSlot() throws Exception {
        RequestProcessor ocr = (request, log) -> request.addResults(Data.newBuilder().setName("ocr"));
        WorkerProcessorFactory factory = new WorkerProcessorFactory(context -> ocr);
        assertEquals(ocr, factory.create(context("[OCR]\n")));
    }

    private static ProcessorContext context(String ini) {
        return new ProcessorContext("s", Path.of("."), IniFile.parse(ini, "config.ini"), "1");
    }
}
