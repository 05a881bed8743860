package io.pero.common.mq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.util.Locale;
import java.util.Map;

/**
 * Which broker a connection talks to, from the {@code product} server property it announced. RabbitMQ is the broker of
 * real clusters; Apache Qpid Broker-J is local mode's embedded broker, and where the two differ in something this
 * system relies on (the order of nack and return, priority bands), the code asks here instead of guessing.
 */
public final class BrokerProduct {
    private BrokerProduct() {
    }

    /** Whether the server properties announce Qpid Broker-J. */
    public static boolean isQpid(Map<String, Object> serverProperties) {
        Object product = serverProperties == null ? null : serverProperties.get("product");
        return product != null && product.toString().toLowerCase(Locale.ROOT).contains("qpid");
    }

    /** Whether {@code channel}'s connection is to Qpid Broker-J (false when the channel has no connection to ask). */
    public static boolean isQpid(Channel channel) {
        Connection connection = channel.getConnection();
        return connection != null && isQpid(connection.getServerProperties());
    }
}
