package io.pero.common.mq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.common.config.Credentials;
import io.pero.common.config.Secret;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.net.ServerAddress;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AmqpConnectionsIT {

    @Test
    void skipsADeadServerAndConnectsToTheNextInVhostPero() throws Exception {
        ServerAddress dead = BrokerFixture.deadServer();
        AmqpConnections connections = new AmqpConnections(BrokerFixture.settings(List.of(dead, BrokerFixture.brokerAddress())));

        try (Connection connection = connections.open("pero-test:amqp-it:connect")) {
            assertTrue(connection.isOpen());
            assertEquals("pero-test:amqp-it:connect", connection.getClientProvidedName());
            String queue = TestBroker.uniqueName("it-amqp-vhost");
            try (Channel channel = connection.createChannel()) {
                QueueTopology.declareStageQueue(channel, queue);
            }
            assertEquals(0, TestBroker.get().messageCount(queue), "the queue exists in the test broker's vhost pero");
            TestBroker.get().deleteQueues(queue);
        }
    }

    @Test
    void noReachableServerIsServiceUnavailableNamingEveryServerTried() {
        ServerAddress first = BrokerFixture.deadServer();
        ServerAddress second = BrokerFixture.deadServer();
        AmqpConnections connections = new AmqpConnections(BrokerFixture.settings(List.of(first, second)));

        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                () -> connections.open("pero-test:amqp-it:dead"));

        assertTrue(e.getMessage().contains(first.hostPort(5672)), e.getMessage());
        assertTrue(e.getMessage().contains(second.hostPort(5672)), e.getMessage());
        assertTrue(e.getMessage().indexOf(first.hostPort(5672)) < e.getMessage().indexOf(second.hostPort(5672)),
                "servers are tried in list order: " + e.getMessage());
    }

    @Test
    void emptyServerListIsServiceUnavailable() {
        AmqpConnections connections = new AmqpConnections(BrokerFixture.settings(List.of()));

        assertThrows(ServiceUnavailableException.class, () -> connections.open("pero-test:amqp-it:none"));
    }

    @Test
    void wrongPasswordIsAnAuthenticationErrorAndTheNextServerIsNotTried() {
        ServerAddress broker = BrokerFixture.brokerAddress();
        String user = TestBroker.get().username();
        AmqpSettings settings = new AmqpSettings(() -> List.of(broker, BrokerFixture.deadServer()),
                new Credentials(Optional.of(user), Secret.of("wrong-" + TestBroker.get().password()), Optional.empty()),
                true, 10);

        IOException e = assertThrows(IOException.class, () -> new AmqpConnections(settings).open("pero-test:amqp-it:auth"));

        assertEquals("authentication refused for user " + user + " at " + broker.hostPort(5672), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-"), "no password in the message");
    }

    @Test
    void recoveryAfterTheBrokerClosesTheConnectionRereadsTheServerList() throws Exception {
        AtomicReference<List<ServerAddress>> servers = new AtomicReference<>(List.of(BrokerFixture.brokerAddress()));
        AtomicInteger reads = new AtomicInteger();
        Supplier<List<ServerAddress>> counting = () -> {
            reads.incrementAndGet();
            return servers.get();
        };
        AmqpConnections connections = new AmqpConnections(new AmqpSettings(counting, BrokerFixture.brokerCredentials(), true, 10));
        String name = "pero-test:amqp-it:recover-" + TestBroker.uniqueName("c");
        try (Connection connection = connections.open(name)) {
            servers.set(List.of(BrokerFixture.deadServer()));
            int readsBefore = reads.get();

            Await.until(Duration.ofSeconds(20), () -> BrokerFixture.closeFromBroker(name),
                    "the management API to list connection " + name);
            Await.until(Duration.ofSeconds(20), () -> reads.get() > readsBefore, "a recovery attempt reading the list");
            assertFalse(connection.isOpen(), "no recovery while the list names only a dead server");

            servers.set(List.of(BrokerFixture.brokerAddress()));
            Await.until(Duration.ofSeconds(20), connection::isOpen, "recovery once the list names the broker again");
        }
    }
}
