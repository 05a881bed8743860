package io.pero.common.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextStagesTest {
    @Test
    void roundTripsAndSkipsWhatItCannotRead() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ocr", 30L);
        counts.put("out", 2L);
        assertEquals("ocr 30\nout 2\n", new String(NextStages.format(counts), StandardCharsets.UTF_8));
        assertEquals(counts, NextStages.parse(NextStages.format(counts)));
        assertEquals(Map.of("ocr", 3L), NextStages.parse("ocr 3\ngarbage\nlm x\nneg -1\n\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Map.of(), NextStages.parse(null));
    }
}
