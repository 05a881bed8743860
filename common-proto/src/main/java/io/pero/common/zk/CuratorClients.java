package io.pero.common.zk;

import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;

/**
 * The one place that builds {@link CuratorFramework} clients: timeouts, bounded exponential retry,
 * DIGEST-MD5 SASL when a username is set, TLS (Netty socket, truststore from the CA PEM) when a CA is set.
 */
public final class CuratorClients {
    private CuratorClients() {
    }

    /** A client, not yet started. */
    public static CuratorFramework newClient(ZkSettings settings) {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }

    /**
     * Starts a client and waits until it is connected.
     *
     * @throws io.pero.common.config.ServiceUnavailableException naming the servers when no connection is made within {@code timeout}
     */
    public static CuratorFramework startAndWait(ZkSettings settings, Duration timeout) {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }
}
