package io.pero.cli.server;

import io.pero.cli.ZkNodes;
import io.pero.common.zk.ZkPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link ServerListChange}s to ZooKeeper. All removals and additions of one run are committed in a single
 * ZooKeeper transaction, so a run either changes every list as asked or none of them.
 */
public final class ServerConfigApplier {
    private static final Logger log = LoggerFactory.getLogger(ServerConfigApplier.class);

    private final ZkNodes zk;

    public ServerConfigApplier(ZkNodes zk) {
        this.zk = zk;
    }

    /** Removes, then adds; returns the number of znodes created or deleted. */
    public int apply(List<ServerListChange> changes) throws Exception {
        CuratorFramework client = zk.client();
        List<CuratorOp> ops = new ArrayList<>();
        for (ServerListChange change : changes) {
            if (!change.writes()) {
                continue;
            }
            String parent = change.kind().path();
            // The list node itself is created outside the transaction: an empty list node is harmless (kazoo ensure_path).
            zk.ensure(parent);
            Set<String> present = new HashSet<>(zk.children(parent));
            List<String> remove = change.removeAll() ? List.copyOf(present) : change.remove();
            for (String name : remove) {
                if (present.remove(name)) {
                    ops.add(client.transactionOp().delete().forPath(ZkPaths.join(parent, name)));
                }
            }
            for (String name : change.add()) {
                if (present.add(name)) {
                    ops.add(client.transactionOp().create().forPath(ZkPaths.join(parent, name), new byte[0]));
                }
            }
        }
        // Differs from the original: one transaction instead of one write per server, so a failure changes nothing.
        if (!ops.isEmpty()) {
            client.transaction().forOperations(ops);
            log.info("server lists updated znode_changes={}", ops.size());
        }
        return ops.size();
    }

    /** The children of each list to show, in ZooKeeper's order; a missing list node shows as empty. */
    // Differs from the original: listing a missing list node printed a NoNodeError traceback.
    public Map<ServerListKind, List<String>> listings(List<ServerListChange> changes) throws Exception {
        Map<ServerListKind, List<String>> listings = new LinkedHashMap<>();
        for (ServerListChange change : changes) {
            if (change.list()) {
                listings.put(change.kind(), zk.children(change.kind().path()));
            }
        }
        return listings;
    }
}
