package io.pero.common.mq.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshQueueDepthsTest {
    @Test
    void freshReadyCountReplacesTheListedOneAndTheHeldMessagesStay() {
        // The management API (5 s old) says s1 has 10: 7 ready, 3 held. A passive declare now says 0 ready.
        List<QueueDepth> listed = List.of(new QueueDepth("s1", 10, 7), new QueueDepth("out", 50, 50));
        List<QueueDepth> merged = FreshQueueDepths.merge(listed, Map.of("s1", new QueueDepth("s1", 0)));
        assertEquals(List.of(new QueueDepth("s1", 3, 0), new QueueDepth("out", 50, 50)), merged);
    }
}
