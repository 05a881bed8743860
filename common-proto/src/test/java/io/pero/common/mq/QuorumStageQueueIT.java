package io.pero.common.mq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --queue-type quorum}: declared as such, serves tasks, and bounds a poison message in the broker too. */
class QuorumStageQueueIT {
    private final TestBroker broker = TestBroker.get();

    @BeforeEach
    void needsRabbitMq() {
        broker.assumeRabbitMq("quorum queues, x-delivery-limit and the management API are RabbitMQ features");
    }

    private String queueJson(String queue) throws Exception {
        String auth = Base64.getEncoder().encodeToString((broker.username() + ":" + broker.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + broker.host() + ":" + broker.managementPort()
                + "/api/queues/pero/" + queue)).header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void quorumStageQueueIsReplicatedTypeAndDeadLettersPoisonToTheErrorQueue() throws Exception {
        String queue = TestBroker.uniqueName("it-quorum");
        byte[] body = ("poison-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        try (Connection c = broker.connect("pero-test:quorum"); Channel ch = c.createChannel()) {
            QueueTopology.declareErrorQueue(ch);
            QueueTopology.declareStageQueue(ch, queue, QueueType.QUORUM);
            QueueTopology.declareStageQueue(ch, queue, QueueType.QUORUM); // idempotent
            assertTrue(queueJson(queue).contains("\"type\":\"quorum\""), queueJson(queue));

            ch.confirmSelect();
            ch.basicPublish("", queue, true, QueueTopology.taskProperties(1), body);
            // basic.get right after an unconfirmed publish can find the quorum queue still empty.
            ch.waitForConfirmsOrDie(Duration.ofSeconds(30).toMillis());
            // A consumer that never finishes it (nack + requeue each time): the broker's limit parks it.
            int deliveries = 0;
            for (GetResponse r; (r = ch.basicGet(queue, false)) != null && deliveries <= 2 * QueueTopology.QUORUM_DELIVERY_LIMIT; ) {
                assertArrayEquals(body, r.getBody());
                deliveries++;
                ch.basicNack(r.getEnvelope().getDeliveryTag(), false, true);
            }
            assertEquals(QueueTopology.QUORUM_DELIVERY_LIMIT + 1, deliveries, "delivered up to the limit, then dead-lettered");
            assertNotNull(takeFromErrorQueue(c, body), "dead-lettered to " + QueueTopology.ERROR_QUEUE);
        } finally {
            broker.deleteQueues(queue);
        }
    }

    @Test
    void redeclaringAClassicQueueAsQuorumIsRefusedByTheBroker() throws Exception {
        String queue = TestBroker.uniqueName("it-classic");
        try (Connection c = broker.connect("pero-test:quorum-mismatch")) {
            try (Channel ch = c.createChannel()) {
                QueueTopology.declareStageQueue(ch, queue, QueueType.CLASSIC);
            }
            Channel ch = c.createChannel();
            IOException e = assertThrows(IOException.class, () -> QueueTopology.declareStageQueue(ch, queue, QueueType.QUORUM));
            assertTrue(String.valueOf(e.getCause()).contains("PRECONDITION_FAILED"), String.valueOf(e.getCause()));
        } finally {
            broker.deleteQueues(queue);
        }
    }

    @Test
    void queueTypeParsesEitherCaseAndNamesTheChoices() {
        assertEquals(QueueType.QUORUM, QueueType.parse("Quorum"));
        assertEquals(QueueType.CLASSIC, QueueType.parse(" classic "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueueType.parse("stream"));
        assertTrue(e.getMessage().contains("classic or quorum"), e.getMessage());
    }

    /** The dead-lettered message, found by body; others in the shared error queue go back untouched. */
    private static GetResponse takeFromErrorQueue(Connection c, byte[] body) {
        GetResponse[] found = new GetResponse[1];
        Await.until(Duration.ofSeconds(30), () -> {
            try (Channel scan = c.createChannel()) {
                for (GetResponse r; (r = scan.basicGet(QueueTopology.ERROR_QUEUE, false)) != null; ) {
                    if (java.util.Arrays.equals(body, r.getBody())) {
                        scan.basicAck(r.getEnvelope().getDeliveryTag(), false);
                        found[0] = r;
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the dead-lettered message in " + QueueTopology.ERROR_QUEUE);
        return found[0];
    }
}
