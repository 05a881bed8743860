package io.pero.watchdog.leader;

import io.pero.common.zk.ZkPaths;
import io.pero.watchdog.apply.WriteGuard;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election among watchdogs on {@link ZkPaths#WATCHDOG_LEADER} (a Curator {@link LeaderLatch}; the Python original has
 * none, spec §12 item 9). Connection states, as in STYLE.md's table: SUSPENDED and LOST stop writing at once; after
 * RECONNECTED writing resumes only when the latch confirms leadership again ({@code isLeader}). The latch node is also the
 * write fence: every write transaction checks that it still exists.
 * <p>
 * Listener callbacks may arrive after the state has changed again; {@link #mayWrite()} therefore re-checks the latch and the
 * connection each time it is asked.
 */
public final class WatchdogLeadership implements WriteGuard, Closeable {
    private static final Logger log = LoggerFactory.getLogger(WatchdogLeadership.class);

    private enum State { LATENT, STARTED, CLOSED }

    private final CuratorFramework client;
    private final LeaderLatch latch;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final AtomicBoolean leading = new AtomicBoolean();
    private final LeaderLatchListener latchListener = new LeaderLatchListener() {
        @Override
        public void isLeader() {
            if (client.getZookeeperClient().isConnected()) {
                leading.set(true);
                log.info("leadership gained participant={}", latch.getId());
            }
        }

        @Override
        public void notLeader() {
            if (leading.getAndSet(false)) {
                log.info("leadership lost participant={}", latch.getId());
            }
        }
    };
    private final ConnectionStateListener connectionListener = this::connectionChanged;

    public WatchdogLeadership(CuratorFramework client, String participantId) {
        // Differs from the original: it has no leader election, so two watchdogs fight (spec §7.5, §12 item 9).
        this.client = client;
        this.latch = new LeaderLatch(client, ZkPaths.WATCHDOG_LEADER, participantId, LeaderLatch.CloseMode.NOTIFY_LEADER);
    }

    public void start() throws Exception {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("watchdog leadership cannot be started twice");
        }
        client.getConnectionStateListenable().addListener(connectionListener);
        latch.addListener(latchListener);
        latch.start();
    }

    private void connectionChanged(CuratorFramework c, ConnectionState newState) {
        switch (newState) {
            case SUSPENDED, LOST -> {
                boolean wasLeading = leading.getAndSet(false);
                log.warn("ZooKeeper connection {}, writing stopped was_leader={}", newState, wasLeading);
            }
            case RECONNECTED -> log.info("ZooKeeper reconnected, waiting for the leader latch to confirm leadership");
            default -> log.debug("ZooKeeper connection state={}", newState);
        }
    }

    @Override
    public boolean mayWrite() {
        return state.get() == State.STARTED && leading.get() && latch.hasLeadership()
                && client.getZookeeperClient().isConnected();
    }

    @Override
    public Optional<String> fencePath() {
        return Optional.ofNullable(latch.getOurPath());
    }

    /** Waits until this watchdog leads (for tests and tools); false on timeout. */
    public boolean awaitLeadership(Duration timeout) throws InterruptedException {
        return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && mayWrite();
    }

    @Override
    public void close() throws IOException {
        if (state.getAndSet(State.CLOSED) != State.STARTED) {
            return;
        }
        leading.set(false);
        client.getConnectionStateListenable().removeListener(connectionListener);
        latch.close();
        latch.removeListener(latchListener);
    }
}
