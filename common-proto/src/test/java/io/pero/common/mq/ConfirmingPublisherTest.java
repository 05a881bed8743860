package io.pero.common.mq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmCallback;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.impl.LongStringHelper;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping of confirms, driven directly through the confirm callbacks the publisher registers, so the order
 * of "future completes" and "entry leaves the pending map" is checked deterministically (the broker IT could only
 * catch it by chance).
 */
class ConfirmingPublisherTest {

    /** A channel that accepts publishes and hands the registered confirm callbacks to the test. */
    private static final class ConfirmDrivenChannel {
        final Connection connection;
        final AtomicLong nextSeq = new AtomicLong(1);

        ConfirmDrivenChannel() {
            this("RabbitMQ");
        }

        /** {@code product}: the server property by which the publisher tells Qpid from RabbitMQ. */
        ConfirmDrivenChannel(String product) {
            Map<String, Object> serverProperties = Map.of("product", LongStringHelper.asLongString(product));
            connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getServerProperties" -> serverProperties;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
        }

        ConfirmCallback ack;
        ConfirmCallback nack;
        final Channel channel = channel();

        private Channel channel() {
            return (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(),
                new Class<?>[] {Channel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getNextPublishSeqNo" -> nextSeq.get();
                    case "getConnection" -> connection;
                    case "basicPublish" -> {
                        nextSeq.incrementAndGet();
                        yield null;
                    }
                    case "addConfirmListener" -> {
                        ack = (ConfirmCallback) args[0];
                        nack = (ConfirmCallback) args[1];
                        yield null;
                    }
                    case "isOpen" -> false;
                    case "getChannelNumber" -> 1;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
        }
    }

    @Test
    void aCallerWokenByItsConfirmSeesNothingInFlight() throws Exception {
        ConfirmDrivenChannel broker = new ConfirmDrivenChannel();
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(broker.channel)) {
            List<CompletableFuture<PublishOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                outcomes.add(publisher.publish("q", null, new byte[] {(byte) i}));
            }
            List<Integer> inFlightSeenOnCompletion = new ArrayList<>();
            for (CompletableFuture<PublishOutcome> outcome : outcomes) {
                outcome.thenRun(() -> inFlightSeenOnCompletion.add(publisher.inFlight()));
            }

            broker.ack.handle(3, true);
            broker.ack.handle(5, true);
            broker.ack.handle(4, false);

            assertEquals(List.of(4, 3, 2, 1, 0), inFlightSeenOnCompletion,
                    "each completion sees its own publish (and those before it) settled");
            for (CompletableFuture<PublishOutcome> outcome : outcomes) {
                assertEquals(PublishOutcome.CONFIRMED, outcome.getNow(null));
            }
        }
    }

    @Test
    void aSingleNackSettlesOnlyItsOwnPublish() throws Exception {
        ConfirmDrivenChannel broker = new ConfirmDrivenChannel();
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(broker.channel)) {
            CompletableFuture<PublishOutcome> first = publisher.publish("q", null, new byte[0]);
            CompletableFuture<PublishOutcome> second = publisher.publish("q", null, new byte[0]);

            broker.nack.handle(2, false);

            assertEquals(PublishOutcome.NACKED, second.getNow(null));
            assertEquals(false, first.isDone());
            assertEquals(1, publisher.inFlight());
        }
    }

    @Test
    void onQpidANackIsAnUnroutablePublish() throws Exception {
        ConfirmDrivenChannel broker = new ConfirmDrivenChannel("Apache Qpid Broker-J");
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(broker.channel)) {
            CompletableFuture<PublishOutcome> routed = publisher.publish("q", null, new byte[0]);
            CompletableFuture<PublishOutcome> unroutable = publisher.publish("missing", null, new byte[0]);

            broker.nack.handle(2, false);
            broker.ack.handle(1, false);

            assertEquals(PublishOutcome.UNROUTABLE, unroutable.getNow(null));
            assertEquals(PublishOutcome.CONFIRMED, routed.getNow(null));
            assertEquals(0, publisher.inFlight());
        }
    }

    @Test
    void theBrokerIsRecognisedAsQpidByItsProductName() {
        assertEquals(true, BrokerProduct.isQpid(Map.of("product", LongStringHelper.asLongString("Apache Qpid Broker-J"))));
        assertEquals(false, BrokerProduct.isQpid(Map.of("product", LongStringHelper.asLongString("RabbitMQ"))));
        assertEquals(false, BrokerProduct.isQpid(Map.of()));
    }
}
