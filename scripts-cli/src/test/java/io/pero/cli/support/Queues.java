package io.pero.cli.support;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.mq.QueueTopology;
import io.pero.testing.TestBroker;
import java.io.IOException;
import java.util.Map;

/** Assertions about queues on the test broker. */
public final class Queues {
    private Queues() {
    }

    /**
     * The queue exists with exactly the stage arguments: a re-declare with the same arguments succeeds and one with a
     * different {@code x-max-priority} is refused (PRECONDITION_FAILED).
     */
    public static void assertStageQueue(String queue) throws Exception {
        try (Connection c = TestBroker.get().connect("pero-test-queue-check")) {
            try (Channel ch = c.createChannel()) {
                ch.queueDeclarePassive(queue);
                ch.queueDeclare(queue, true, false, false, QueueTopology.STAGE_QUEUE_ARGUMENTS);
            }
            TestBroker.get().assumeRabbitMq("a re-declare with another x-max-priority is refused (PRECONDITION_FAILED); "
                    + "the embedded Qpid broker ignores unknown declare arguments");
            Channel other = c.createChannel();
            IOException refused = assertThrows(IOException.class, () -> other.queueDeclare(queue, true, false, false,
                    Map.of("x-max-priority", 2, "x-queue-type", "classic")));
            assertTrue(String.valueOf(refused.getCause()).contains("PRECONDITION_FAILED"), String.valueOf(refused.getCause()));
        }
    }

    public static boolean exists(String queue) {
        try (Connection c = TestBroker.get().connect("pero-test-queue-exists")) {
            // The channel is closed by the broker when the queue is missing; the connection close cleans it up.
            Channel ch = c.createChannel();
            try {
                ch.queueDeclarePassive(queue);
                return true;
            } catch (IOException e) {
                return false;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot check queue " + queue + ": " + e, e);
        }
    }
}
