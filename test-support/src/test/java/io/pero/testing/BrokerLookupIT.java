package io.pero.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Named so that Surefire's default {@code **}{@code /Test*.java} pattern does not run it as a unit test. */
class BrokerLookupIT {

    @Test
    void connectsToVhostPeroAndCountsMessages() throws Exception {
        TestBroker broker = TestBroker.get();
        String queue = TestBroker.uniqueName("it-broker");
        try (Connection c = broker.connect("pero-test-it"); Channel ch = c.createChannel()) {
            assertEquals("pero", broker.connectionFactory().getVirtualHost());
            assertTrue(c.isOpen(), "connection to vhost pero is open");
            ch.queueDeclare(queue, false, false, false, null);
            ch.basicPublish("", queue, null, "m".getBytes(StandardCharsets.UTF_8));
            Await.until(Duration.ofSeconds(5), () -> broker.messageCount(queue) == 1, "one message in " + queue);
        } finally {
            broker.deleteQueues(queue);
        }
        assertThrows(IllegalStateException.class, () -> broker.messageCount(queue), "queue was deleted");
    }

    @Test
    void uniqueNamesDifferAndKeepThePrefix() {
        String a = TestBroker.uniqueName("it-dummy1");
        String b = TestBroker.uniqueName("it-dummy1");
        assertTrue(a.matches("it-dummy1-[0-9a-f]{6}"), a);
        assertNotEquals(a, b);
    }
}
