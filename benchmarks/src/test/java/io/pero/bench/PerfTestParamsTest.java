package io.pero.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.net.ServerAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PerfTestParamsTest {
    private static PipelineParams pipeline(int messages, int workers) {
        return new PipelineParams(messages, 1024, workers, Optional.empty(), Optional.empty(),
                ServerAddress.of("mq", 5673), Duration.ofSeconds(60), false);
    }

    @Test
    void movesAsManyMessagesAsThePipelineHasHopsWithOneProducerAndConsumerPerWorker() {
        PerfTestParams p = PerfTestParams.likePipeline(pipeline(20000, 2), "bench-perf-abc", 1100, 8);
        assertEquals(List.of("bench-perf-abc-1", "bench-perf-abc-2"), p.queues());
        assertEquals(40000, p.messagesPerProducer() * p.producers());
        List<String> a = p.arguments();
        assertEquals("amqp://guest:guest@mq:5673/pero", a.get(a.indexOf("--uri") + 1));
        assertEquals("2", a.get(a.indexOf("--producers") + 1));
        assertEquals("2", a.get(a.indexOf("--consumers") + 1));
        assertEquals("bench-perf-abc-%d", a.get(a.indexOf("--queue-pattern") + 1));
        assertEquals("x-max-priority=1,x-queue-type=classic", a.get(a.indexOf("--queue-args") + 1), "stage queue arguments");
        assertEquals("persistent", a.get(a.indexOf("--flag") + 1));
        assertEquals("8", a.get(a.indexOf("--confirm") + 1), "confirm window = worker prefetch");
        assertEquals("8", a.get(a.indexOf("--qos") + 1));
        assertEquals("1100", a.get(a.indexOf("--size") + 1));
        assertEquals("20000", a.get(a.indexOf("--pmessages") + 1));
        assertEquals("20000", a.get(a.indexOf("--cmessages") + 1));
        assertTrue(a.contains("--predeclared"));
    }

    @Test
    void oddWorkerCountsRoundUpSoNoFewerMessagesMove() {
        PerfTestParams p = PerfTestParams.likePipeline(pipeline(1000, 3), "q", 10, 4);
        assertEquals(667, p.messagesPerProducer());
        assertTrue(p.messagesPerProducer() * p.producers() >= 2000);
    }

    @Test
    void stage1GetsTheOddWorker() {
        assertEquals(2, pipeline(1, 3).workersOnStage1());
        assertEquals(1, pipeline(1, 3).workersOnStage2());
        assertEquals(1, pipeline(1, 2).workersOnStage1());
    }
}
