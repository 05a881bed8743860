package io.pero.common.zk;

import io.pero.common.net.ServerAddress;
import java.io.Closeable;
import java.util.List;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;

/**
 * Keeps the current list of servers named by the children of a server-list znode
 * ({@link ZkPaths#MQ_SERVERS}, {@link ZkPaths#FTP_SERVERS}, {@link ZkPaths#MQ_MONITORING_SERVERS}),
 * in the order ZooKeeper lists them, and tells listeners when it changes. Unparseable child names are
 * logged once at WARN and left out.
 */
public final class ServerListWatcher implements Closeable {
    public ServerListWatcher(CuratorFramework client, String path) {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }

    /** Reads the list once (a missing node gives an empty list) and starts watching. */
    public void start() throws Exception {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }

    public List<ServerAddress> current() {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }

    public void addListener(Consumer<List<ServerAddress>> listener) {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO(common-zk-mq helper)");
    }
}
