package io.pero.watchdog.apply;

import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.watchdog.plan.Move;
import io.pero.watchdog.plan.Plan;
import io.pero.watchdog.plan.WaitingSinceChange;
import io.pero.watchdog.snapshot.ClusterSnapshot;
import io.pero.watchdog.snapshot.StageState;
import io.pero.watchdog.snapshot.WorkerState;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a plan (spec §7.4 step 10): per move {@code unlock_time} then {@code queue}, then the wakes, then each
 * {@code waiting_since}. Each write is one transaction that also checks the leader fence; {@code queue} and
 * {@code waiting_since} are written only if unchanged since the snapshot (versioned), so a concurrent
 * {@code pero-controller --switch} wins and the next cycle decides again.
 */
public final class MoveApplier {
    private static final Logger log = LoggerFactory.getLogger(MoveApplier.class);

    private final CuratorFramework client;
    private final WriteGuard guard;

    public MoveApplier(CuratorFramework client, WriteGuard guard) {
        this.client = client;
        this.guard = guard;
    }

    public ApplyResult apply(Plan plan, ClusterSnapshot snapshot) throws Exception {
        List<Move> applied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int wakes = 0;
        int waiting = 0;
        try {
            for (Move move : plan.moves()) {
                if (write(move.workerId(), moveOps(move, worker(snapshot, move.workerId())), skipped)) {
                    applied.add(move);
                }
            }
            for (String id : plan.wakes()) {
                WorkerState w = worker(snapshot, id);
                wakes += write(id, List.of(setVersioned(ZkPaths.workerQueue(id), w.queue(), w.queueVersion())), skipped) ? 1 : 0;
            }
            for (WaitingSinceChange change : plan.waitingSince()) {
                waiting += write(change.stage(), List.of(waitingOp(change, snapshot)), skipped) ? 1 : 0;
            }
        } catch (LeadershipLostException e) {
            skipped.add(e.getMessage());
            return new ApplyResult(applied, wakes, waiting, skipped, true);
        }
        return new ApplyResult(applied, wakes, waiting, skipped, false);
    }

    private List<CuratorOp> moveOps(Move move, WorkerState worker) throws Exception {
        String unlock = ZkPaths.workerUnlockTime(move.workerId());
        byte[] unlockText = ZkCodecs.text(ZkCodecs.isoTime(move.unlockTime()));
        CuratorOp unlockOp = client.checkExists().forPath(unlock) == null
                ? client.transactionOp().create().forPath(unlock, unlockText)
                : client.transactionOp().setData().forPath(unlock, unlockText);
        return List.of(unlockOp, setVersioned(ZkPaths.workerQueue(move.workerId()), move.to(), worker.queueVersion()));
    }

    private CuratorOp waitingOp(WaitingSinceChange change, ClusterSnapshot snapshot) throws Exception {
        StageState stage = snapshot.stage(change.stage()).orElseThrow();
        String text = change.value().map(ZkCodecs::isoTime).orElse("");
        return setVersioned(ZkPaths.stageWaitingSince(change.stage()), text, stage.waitingSinceVersion());
    }

    /** {@code setData} only at the version the snapshot saw; a node the snapshot saw missing is created. */
    private CuratorOp setVersioned(String path, String text, int version) throws Exception {
        byte[] data = ZkCodecs.text(text);
        return version < 0
                ? client.transactionOp().create().forPath(path, data)
                : client.transactionOp().setData().withVersion(version).forPath(path, data);
    }

    /** Runs the ops with the fence in one transaction; false (and a reason in {@code skipped}) when a node changed meanwhile. */
    private boolean write(String subject, List<CuratorOp> ops, List<String> skipped) throws Exception {
        if (!guard.mayWrite()) {
            throw new LeadershipLostException("not the leader any more, remaining writes dropped");
        }
        // Differs from the original: writes are versioned and fenced in a transaction; the original overwrites unconditionally.
        List<CuratorOp> all = new ArrayList<>();
        if (guard.fencePath().isPresent()) {
            all.add(client.transactionOp().check().forPath(guard.fencePath().get()));
        }
        all.addAll(ops);
        try {
            client.transaction().forOperations(all);
            return true;
        } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException e) {
            log.info("write skipped, changed since the snapshot subject={} path={}", subject, e.getPath());
            skipped.add(subject + ": changed since the snapshot");
            return false;
        } catch (KeeperException.NoNodeException e) {
            if (guard.fencePath().isPresent() && client.checkExists().forPath(guard.fencePath().get()) == null) {
                throw new LeadershipLostException("leader node " + guard.fencePath().get() + " is gone, remaining writes dropped");
            }
            log.info("write skipped, node removed since the snapshot subject={} path={}", subject, e.getPath());
            skipped.add(subject + ": removed since the snapshot");
            return false;
        }
    }

    private static WorkerState worker(ClusterSnapshot snapshot, String id) {
        return snapshot.worker(id).orElseThrow(() -> new IllegalStateException("plan names unknown worker " + id));
    }
}
