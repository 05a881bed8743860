package io.pero.worker.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.proto.ProcessingRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CrashTestProcessorTest {
    @Test
    void haltsOnlyOnTheMarkedPage() throws Exception {
        List<Integer> halts = new ArrayList<>();
        CrashTestProcessor p = new CrashTestProcessor("poison", halts::add);
        StageLogger log = new StageLogger(LoggerFactory.getLogger("test"));
        ProcessingRequest.Builder ordinary = ProcessingRequest.newBuilder().setUuid("a").setPageUuid("page");
        p.process(ordinary, log);
        assertTrue(halts.isEmpty());
        assertEquals("page", ordinary.getPageUuid(), "ordinary request passes unchanged");
        p.process(ProcessingRequest.newBuilder().setUuid("b").setPageUuid("poison"), log);
        assertEquals(List.of(CrashTestProcessor.HALT_STATUS), halts);
    }
}
