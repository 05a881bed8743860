package io.pero.testing;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The RabbitMQ broker integration tests run against, with vhost {@code pero} present and usable.
 * Lookup order: {@code PERO_TEST_AMQP_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD} (default 127.0.0.1:5672
 * guest/guest) if reachable; else a Testcontainers RabbitMQ where a Docker engine exists; else the test fails with a
 * message saying how to start a broker. Never skips silently. One instance per JVM.
 */
public final class TestBroker {
    public static TestBroker get() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    public String host() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    public int port() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    public String username() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    public String password() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    /** Management API port, or -1 when the broker has no management plugin. */
    public int managementPort() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    /** A factory for vhost {@code pero} on this broker. */
    public ConnectionFactory connectionFactory() {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    public Connection connect(String name) {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    /** A queue or stage name unique to this test run, e.g. {@code it-dummy1-3f9a2c}. */
    public static String uniqueName(String prefix) {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    /** Deletes the queues, ignoring those that do not exist. */
    public void deleteQueues(String... names) {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }

    /** Messages ready in a queue (passive declare). */
    public long messageCount(String queue) {
        throw new UnsupportedOperationException("TODO(embedded helper)");
    }
}
