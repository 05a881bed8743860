package io.pero.common.mq.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pero.common.mq.management.ManagementQueues.QueueMessages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagementQueuesTest {
    @Test
    void keepsBrokerOrderAndVhostPeroOnlyAndCountsMissingStatisticsAsEmpty() {
        String body = """
                [{"name":"ocr","vhost":"pero","messages":12,"consumers":2},
                 {"name":"ocr","vhost":"other","messages":99},
                 {"name":"fresh","vhost":"pero"},
                 {"name":"l\\u00e9","vhost":"pero","messages":1.0e1,"arguments":{"x-max-priority":1},"idle":null}]
                """;
        assertEquals(List.of(new QueueMessages("ocr", 12), new QueueMessages("fresh", 0), new QueueMessages("lé", 10)),
                ManagementQueues.parse(body));
    }

    @Test
    void countsSplitIntoReadyAndUnacknowledged() {
        String body = """
                [{"name":"s1","vhost":"pero","messages":12,"messages_ready":4,"messages_unacknowledged":8},
                 {"name":"fresh","vhost":"pero"}]
                """;
        assertEquals(List.of(new ManagementQueues.QueueCounts("s1", 12, 4, 8), new ManagementQueues.QueueCounts("fresh", 0, 0, 0)),
                ManagementQueues.parseCounts(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error\":\"not_authorised\"}", "[{\"vhost\":\"pero\"}]", "[1,", "<html>", "[] x", ""})
    void rejectsWhatIsNotAQueueList(String body) {
        assertThrows(IllegalArgumentException.class, () -> ManagementQueues.parse(body));
    }

    @Test
    void jsonEscapesAndNesting() {
        assertEquals(Map.of("a", List.of("x\"y\n", true, false)), Json.parse("{\"a\": [\"x\\\"y\\n\", true, false]}"));
    }
}
