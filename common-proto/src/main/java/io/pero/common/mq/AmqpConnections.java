package io.pero.common.mq;

import com.rabbitmq.client.Connection;
import java.io.IOException;

/**
 * Opens named AMQP connections to vhost {@code pero}: PLAIN auth, TLS from the CA PEM when set, servers tried in
 * list order, automatic and topology recovery on (recovery re-reads the server list).
 */
public final class AmqpConnections {
    public AmqpConnections(AmqpSettings settings) {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }

    /**
     * Opens a connection named {@code name} (shown in the management UI), trying every server once in order.
     *
     * @throws io.pero.common.config.ServiceUnavailableException naming every server tried when none accepts
     * @throws IOException on authentication failure or other non-retryable errors
     */
    public Connection open(String name) throws IOException {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }
}
