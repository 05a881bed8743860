package io.pero.embedded.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedQpidBrokerIT {
    /** The arguments QueueTopology declares stage queues with (RabbitMQ's), which default Qpid refuses. */
    private static final Map<String, Object> STAGE_ARGS = Map.of("x-max-priority", 1, "x-queue-type", "classic");
    private static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder().deliveryMode(2).priority(1).build();

    @Test
    void acceptsRabbitMqStageQueueArgumentsAndDropsARejectedMessage() throws Exception {
        try (EmbeddedQpidBroker broker = EmbeddedQpidBroker.start(EmbeddedQpidBroker.Settings.inMemory());
             Connection c = broker.connectionFactory().newConnection("it"); Channel ch = c.createChannel()) {
            ch.queueDeclare("stage", true, false, false, STAGE_ARGS);
            ch.basicPublish("", "stage", PERSISTENT, "page".getBytes(StandardCharsets.UTF_8));
            GetResponse got = ch.basicGet("stage", false);
            assertNotNull(got, "the published message");
            ch.basicReject(got.getEnvelope().getDeliveryTag(), false);
            assertNull(ch.basicGet("stage", false), "a message rejected without requeue is gone, as on RabbitMQ");
            // A second declare with the same arguments is idempotent and keeps the connection open.
            assertEquals(0, ch.queueDeclare("stage", true, false, false, STAGE_ARGS).getMessageCount());
        }
    }

    @Test
    void persistentMessagesSurviveARestartWithTheSameStore(@TempDir Path dir) throws Exception {
        EmbeddedQpidBroker.Settings settings = new EmbeddedQpidBroker.Settings(0, "pero", "guest", "guest", Optional.of(dir));
        try (EmbeddedQpidBroker broker = EmbeddedQpidBroker.start(settings);
             Connection c = broker.connectionFactory().newConnection("it"); Channel ch = c.createChannel()) {
            ch.queueDeclare("stage", true, false, false, STAGE_ARGS);
            ch.confirmSelect();
            ch.basicPublish("", "stage", PERSISTENT, "page".getBytes(StandardCharsets.UTF_8));
            ch.waitForConfirmsOrDie(10_000);
        }
        try (EmbeddedQpidBroker broker = EmbeddedQpidBroker.start(settings);
             Connection c = broker.connectionFactory().newConnection("it"); Channel ch = c.createChannel()) {
            GetResponse got = ch.basicGet("stage", true);
            assertNotNull(got, "the message published before the restart");
            assertEquals("page", new String(got.getBody(), StandardCharsets.UTF_8));
        }
    }
}
