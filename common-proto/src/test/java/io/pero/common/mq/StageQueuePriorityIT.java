package io.pero.common.mq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stage queue as {@link QueueTopology} declares it serves priority 1 before priority 0, on RabbitMQ and on the
 * embedded Qpid broker (PERO_TEST_BROKER=embedded), and it accepts the original's declaration (without
 * {@code x-qpid-priorities}) as Python peers send it.
 */
class StageQueuePriorityIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Connection connection;
    private String queue;

    @BeforeEach
    void connect() throws Exception {
        connection = new AmqpConnections(BrokerFixture.settings(List.of(BrokerFixture.brokerAddress())))
                .open("pero-test:priority-it:" + TestBroker.uniqueName("c"));
        queue = TestBroker.uniqueName("it-priority");
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestBroker.get().deleteQueues(queue);
        if (connection.isOpen()) {
            connection.close();
        }
    }

    @Test
    void aPriorityOneTaskPublishedLastIsDeliveredFirst() throws Exception {
        try (Channel channel = connection.createChannel()) {
            QueueTopology.declareStageQueue(channel, queue);
            channel.confirmSelect();
            channel.basicPublish("", queue, QueueTopology.taskProperties(0), "low".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish("", queue, QueueTopology.taskProperties(1), "high".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(WAIT.toMillis());
            Await.until(WAIT, () -> TestBroker.get().messageCount(queue) == 2, "2 messages in " + queue);

            assertEquals("high", new String(channel.basicGet(queue, true).getBody(), StandardCharsets.UTF_8));
            assertEquals("low", new String(channel.basicGet(queue, true).getBody(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void ourDeclarationAndTheOriginalsAcceptEachOthersQueues() throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, QueueTopology.STAGE_QUEUE_ARGUMENTS);
            QueueTopology.declareStageQueue(channel, queue);
            channel.queueDeclare(queue, true, false, false, QueueTopology.STAGE_QUEUE_ARGUMENTS);
            assertEquals(0, channel.queueDeclarePassive(queue).getMessageCount());
        }
    }
}
