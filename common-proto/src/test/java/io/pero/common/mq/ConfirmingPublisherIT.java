package io.pero.common.mq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfirmingPublisherIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<String> queues = new ArrayList<>();
    private Connection connection;

    @BeforeEach
    void connect() throws Exception {
        connection = new AmqpConnections(BrokerFixture.settings(List.of(BrokerFixture.brokerAddress())))
                .open("pero-test:publisher-it:" + TestBroker.uniqueName("c"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestBroker.get().deleteQueues(queues.toArray(String[]::new));
        if (connection.isOpen()) {
            connection.close();
        }
    }

    @Test
    void thousandPublishesToAnExistingQueueAreAllConfirmed() throws Exception {
        String queue = declareQueue("it-confirm");
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection.createChannel())) {
            List<CompletableFuture<PublishOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                outcomes.add(publisher.publish(queue, QueueTopology.taskProperties(0), ("task " + i).getBytes(StandardCharsets.UTF_8)));
            }

            for (CompletableFuture<PublishOutcome> outcome : outcomes) {
                assertEquals(PublishOutcome.CONFIRMED, outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            assertEquals(0, publisher.inFlight());
            Await.until(WAIT, () -> TestBroker.get().messageCount(queue) == 1000, "1000 messages in " + queue);
        }
    }

    @Test
    void publishToAMissingQueueIsUnroutableAndOthersAroundItAreConfirmed() throws Exception {
        String queue = declareQueue("it-mixed");
        String missing = TestBroker.uniqueName("it-missing");
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection.createChannel())) {
            List<CompletableFuture<PublishOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                outcomes.add(publisher.publish(i % 5 == 2 ? missing : queue, QueueTopology.taskProperties(0), new byte[] {(byte) i}));
            }

            for (int i = 0; i < outcomes.size(); i++) {
                PublishOutcome expected = i % 5 == 2 ? PublishOutcome.UNROUTABLE : PublishOutcome.CONFIRMED;
                assertEquals(expected, outcomes.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS), "publish " + i);
            }
            Await.until(WAIT, () -> TestBroker.get().messageCount(queue) == 40, "40 routed messages");
        }
    }

    @Test
    void callerHeadersAndPropertiesReachTheConsumer() throws Exception {
        String queue = declareQueue("it-headers");
        AMQP.BasicProperties properties = QueueTopology.taskProperties(1).builder()
                .headers(Map.of("x-caller", "kept")).build();
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection.createChannel())) {
            assertEquals(PublishOutcome.CONFIRMED, publisher.publish(queue, properties, "body".getBytes(StandardCharsets.UTF_8))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }

        try (Channel channel = connection.createChannel()) {
            GetResponse got = channel.basicGet(queue, true);
            assertEquals("body", new String(got.getBody(), StandardCharsets.UTF_8));
            assertEquals("kept", got.getProps().getHeaders().get("x-caller").toString());
            assertEquals(1, got.getProps().getPriority());
            assertEquals(2, got.getProps().getDeliveryMode());
        }
    }

    @Test
    void pendingPublishesFailWhenTheConnectionClosesAndLaterOnesFailAtOnce() throws Exception {
        String queue = declareQueue("it-closed");
        ConfirmingPublisher publisher = new ConfirmingPublisher(connection.createChannel());
        List<CompletableFuture<PublishOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            outcomes.add(publisher.publish(queue, QueueTopology.taskProperties(0), new byte[1024]));
        }

        connection.close();

        Await.until(WAIT, () -> outcomes.stream().allMatch(CompletableFuture::isDone), "every publish to be settled");
        for (CompletableFuture<PublishOutcome> outcome : outcomes) {
            assertTrue(outcome.isCompletedExceptionally() || outcome.join() == PublishOutcome.CONFIRMED);
        }
        assertEquals(0, publisher.inFlight());
        CompletableFuture<PublishOutcome> afterClose = publisher.publish(queue, QueueTopology.taskProperties(0), new byte[1]);
        ExecutionException e = assertThrows(ExecutionException.class, () -> afterClose.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof com.rabbitmq.client.AlreadyClosedException, e.getCause().toString());
        publisher.close();
    }

    @Test
    void publishesUnconfirmedAtARecoveryFailAndPublishingWorksAfterIt() throws Exception {
        String queue = declareQueue("it-recovery");
        ConfirmingPublisher publisher = new ConfirmingPublisher(connection.createChannel());
        try {
            assertEquals(PublishOutcome.CONFIRMED,
                    publisher.publish(queue, QueueTopology.taskProperties(0), new byte[1]).get(WAIT.toSeconds(), TimeUnit.SECONDS));
            List<CompletableFuture<PublishOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                outcomes.add(publisher.publish(queue, QueueTopology.taskProperties(0), new byte[1024]));
            }

            Await.until(WAIT, () -> BrokerFixture.closeFromBroker(connection.getClientProvidedName()),
                    "the management API to list the connection");
            Await.until(WAIT, () -> outcomes.stream().allMatch(CompletableFuture::isDone), "every publish to be settled");
            assertEquals(0, publisher.inFlight());

            Await.until(Duration.ofSeconds(30), connection::isOpen, "automatic recovery");
            assertEquals(PublishOutcome.CONFIRMED, publisher.publish(queue, QueueTopology.taskProperties(0), new byte[1])
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS), "confirms are on again on the recovered channel");
        } finally {
            publisher.close();
        }
    }

    @Test
    void closingThePublisherClosesItsChannelAndFailsLaterPublishes() throws Exception {
        String queue = declareQueue("it-close");
        Channel channel = connection.createChannel();
        ConfirmingPublisher publisher = new ConfirmingPublisher(channel);

        publisher.close();
        publisher.close();

        assertTrue(!channel.isOpen());
        assertTrue(publisher.publish(queue, null, new byte[1]).isCompletedExceptionally());
    }

    private String declareQueue(String prefix) throws Exception {
        String queue = TestBroker.uniqueName(prefix);
        queues.add(queue);
        try (Channel channel = connection.createChannel()) {
            QueueTopology.declareStageQueue(channel, queue);
        }
        return queue;
    }
}
