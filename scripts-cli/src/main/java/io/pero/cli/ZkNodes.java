package io.pero.cli;

import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few znode operations the tools need, with kazoo's semantics: {@code ensure} creates a node and its parents
 * with empty data (Curator would otherwise store the local IP address), {@code set} creates or overwrites.
 */
public final class ZkNodes {
    private static final Logger log = LoggerFactory.getLogger(ZkNodes.class);
    private static final byte[] EMPTY = new byte[0];

    private final CuratorFramework client;

    public ZkNodes(CuratorFramework client) {
        this.client = client;
    }

    public CuratorFramework client() {
        return client;
    }

    /** Creates the node with empty data when it is missing (kazoo {@code ensure_path}). */
    public void ensure(String path) throws Exception {
        if (client.checkExists().forPath(path) != null) {
            return;
        }
        try {
            client.create().creatingParentsIfNeeded().forPath(path, EMPTY);
        } catch (KeeperException.NodeExistsException raced) {
            // Another client created it between the check and the create: the node exists, which is all we need.
            log.debug("node created concurrently path={}", path);
        }
    }

    /** Writes {@code data}, creating the node and its parents when missing (kazoo {@code ensure_path} + {@code set}). */
    public void set(String path, byte[] data) throws Exception {
        client.create().orSetData().creatingParentsIfNeeded().forPath(path, data);
    }

    public Optional<byte[]> read(String path) throws Exception {
        try {
            return Optional.of(client.getData().forPath(path));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        }
    }

    public boolean exists(String path) throws Exception {
        return client.checkExists().forPath(path) != null;
    }

    /** Child names; a missing node has none. */
    public List<String> children(String path) throws Exception {
        try {
            return client.getChildren().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        }
    }

    /** Deletes the node and everything under it, if it exists. */
    public void deleteRecursively(String path) throws Exception {
        try {
            client.delete().deletingChildrenIfNeeded().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            log.debug("nothing to delete path={}", path);
        }
    }

    /**
     * The servers registered under a server-list node (children named {@code host[:port]}), in ZooKeeper's order.
     * A missing node gives none; an unparseable child is left out with a WARN.
     */
    public List<ServerAddress> servers(String listPath) throws Exception {
        List<ServerAddress> servers = new ArrayList<>();
        for (String child : children(listPath)) {
            try {
                servers.add(ServerListParser.parseOne(child));
            } catch (IllegalArgumentException e) {
                log.warn("registered server ignored path={} child={} cause={}", listPath, child, e.getMessage());
            }
        }
        return servers;
    }
}
