package io.pero.common.mq.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagementApiQueueDepthsTest {
    @Test
    void keepsBrokerOrderAndVhostPeroOnlyAndCountsMissingStatisticsAsEmpty() {
        String body = """
                [{"name":"ocr","vhost":"pero","messages":12,"messages_ready":5,"consumers":2},
                 {"name":"ocr","vhost":"other","messages":99},
                 {"name":"fresh","vhost":"pero"},
                 {"name":"l\\u00e9","vhost":"pero","messages":1.0e1,"arguments":{"x-max-priority":1},"idle":null,"durable":true}]
                """;
        assertEquals(List.of(new QueueDepth("ocr", 12, 5), new QueueDepth("fresh", 0, 0), new QueueDepth("lé", 10, 0)),
                ManagementApiQueueDepths.parse(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error\":\"not_authorised\"}", "[{\"vhost\":\"pero\"}]", "[1,", "<html>", "[] x"})
    void rejectsWhatIsNotAQueueList(String body) {
        assertThrows(IllegalArgumentException.class, () -> ManagementApiQueueDepths.parse(body));
    }
}
