package io.pero.common.zk;

import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.framework.recipes.watch.PersistentWatcher;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current list of servers named by the children of a server-list znode
 * ({@link ZkPaths#MQ_SERVERS}, {@link ZkPaths#FTP_SERVERS}, {@link ZkPaths#MQ_MONITORING_SERVERS}),
 * in the order ZooKeeper lists them, and tells listeners when it changes. Unparseable child names are
 * logged once at WARN and left out.
 * <p>
 * A persistent (non-recursive) watch on the node fires on its creation, deletion and child changes, also while the
 * node does not exist yet; each event, and each re-registration after a connection loss (events in between are
 * lost), re-reads the children. Listeners run on the ZooKeeper event thread and must not block; a listener may see
 * a list that has already changed again.
 */
public final class ServerListWatcher implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(ServerListWatcher.class);

    private enum State { LATENT, STARTED, CLOSED }

    private final CuratorFramework client;
    private final String path;
    private final PersistentWatcher watcher;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final AtomicReference<List<ServerAddress>> current = new AtomicReference<>(List.of());
    private final List<Consumer<List<ServerAddress>>> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> warnedNames = ConcurrentHashMap.newKeySet();
    private final org.apache.zookeeper.Watcher onEvent = this::nodeChanged;
    private final Runnable onReset = this::refreshInBackground;

    public ServerListWatcher(CuratorFramework client, String path) {
        this.client = client;
        this.path = path;
        this.watcher = new PersistentWatcher(client, path, false);
    }

    /** Reads the list once (a missing node gives an empty list) and starts watching. */
    public void start() throws Exception {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("server list watcher for " + path + " cannot be started twice");
        }
        try {
            update(readChildren());
        } catch (Exception e) {
            state.set(State.CLOSED);
            throw e;
        }
        watcher.getListenable().addListener(onEvent);
        watcher.getResetListenable().addListener(onReset);
        watcher.start();
    }

    public List<ServerAddress> current() {
        return current.get();
    }

    public void addListener(Consumer<List<ServerAddress>> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) != State.STARTED) {
            return;
        }
        watcher.getListenable().removeListener(onEvent);
        watcher.getResetListenable().removeListener(onReset);
        watcher.close();
        listeners.clear();
    }

    private List<String> readChildren() throws Exception {
        try {
            return client.getChildren().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        }
    }

    private void nodeChanged(WatchedEvent event) {
        if (event.getType() != org.apache.zookeeper.Watcher.Event.EventType.None) {
            refreshInBackground();
        }
    }

    /** Results of background reads arrive in request order, so the last read always wins. */
    private void refreshInBackground() {
        if (state.get() != State.STARTED) {
            return;
        }
        try {
            client.getChildren().inBackground((c, event) -> childrenRead(event)).forPath(path);
        } catch (Exception e) {
            // The next reset (reconnect) or node event triggers another read.
            log.warn("cannot read server list path={} cause={}", path, e.toString());
        }
    }

    private void childrenRead(CuratorEvent event) {
        KeeperException.Code code = KeeperException.Code.get(event.getResultCode());
        if (code == KeeperException.Code.OK) {
            update(event.getChildren());
        } else if (code == KeeperException.Code.NONODE) {
            update(List.of());
        } else {
            log.warn("cannot read server list path={} result={}", path, code);
        }
    }

    private void update(List<String> children) {
        List<ServerAddress> servers = parse(children);
        List<ServerAddress> previous = current.getAndSet(servers);
        if (state.get() != State.STARTED || previous.equals(servers)) {
            return;
        }
        log.info("server list changed path={} servers={}", path, servers);
        for (Consumer<List<ServerAddress>> listener : listeners) {
            try {
                listener.accept(servers);
            } catch (RuntimeException e) {
                log.error("server list listener failed path={}", path, e);
            }
        }
    }

    private List<ServerAddress> parse(List<String> children) {
        List<ServerAddress> servers = new ArrayList<>(children.size());
        for (String name : children) {
            try {
                servers.add(ServerListParser.parseOne(name));
            } catch (IllegalArgumentException e) {
                if (warnedNames.add(name)) {
                    log.warn("ignoring bad server entry path={} name='{}' reason={}", path, name, e.getMessage());
                }
            }
        }
        return List.copyOf(servers);
    }
}
