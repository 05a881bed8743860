package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ExitCodes;
import io.pero.common.zk.ZkPaths;
import io.pero.proto.ProcessingRequest;
import io.pero.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A worker restarted under the same id: after a crash it waits out the stale node; beside a live twin it is refused. */
class WorkerRestartIT {
    @RegisterExtension
    static final WorkerHarnessExtension services = new WorkerHarnessExtension();
    private final WorkerHarness h = services.harness();

    /** The session timeout the in-JVM ZooKeeper grants at most (20 ticks of 500 ms), whatever the worker asks. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

    private String[] workerArgs(String id) {
        return new String[] {"-z", h.zooKeeper.connectString(), "-i", id, "--cache-directory", h.cacheDir.toString(),
                "--shutdown-timeout", "10", "--disable-remote-logging"};
    }

    private static CompletableFuture<Integer> runInThisJvm(String[] args) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread t = new Thread(() -> exit.complete(WorkerMain.run(args)), "it-restarted-worker");
        t.setDaemon(true);
        t.start();
        return exit;
    }

    private void assertServes(String stage, String next, String out, Duration within) throws Exception {
        ProcessingRequest r = h.request(stage, next, out);
        h.publish(stage, r.toByteArray());
        List<ProcessingRequest> got = WorkerHarness.takeWithin(h, next, 1, within);
        assertEquals(r.getUuid(), got.get(0).getUuid());
    }

    @Test
    void workerKilledHardAndRestartedAtOnceUnderTheSameIdServesWithinSessionTimeoutPlus15s() throws Exception {
        String stage = h.dummyStage("it-restart", "TIME_SCALE=0\n");
        String next = h.queue("it-next");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        try (ChildWorker first = ChildWorker.start(services.dir().resolve("first.log"), workerArgs(id))) {
            Await.until(WorkerHarness.WAIT, () -> h.exists(ZkPaths.workerConnected(id)), "child worker registered");
            h.awaitStatus(id, "IDLE");
            h.assign(id, stage);
            assertServes(stage, next, out, WorkerHarness.WAIT);
            first.killHard();
        }
        assertTrue(h.exists(ZkPaths.workerConnected(id)), "the crashed worker's session still holds its connected node");

        long restarted = System.nanoTime();
        CompletableFuture<Integer> second = runInThisJvm(workerArgs(id));
        assertServes(stage, next, out, SESSION_TIMEOUT.plusSeconds(15));
        Duration took = Duration.ofNanos(System.nanoTime() - restarted);
        assertFalse(second.isDone(), "restarted worker is running, not refused");
        assertTrue(h.exists(ZkPaths.workerConnected(id)), "restarted worker holds a connected node of its own");
        assertEquals(stage, h.read(ZkPaths.workerQueue(id)), "assignment kept across the crash");
        System.out.printf("restart after kill -9: serving after %d ms (session timeout %d s)%n", took.toMillis(),
                SESSION_TIMEOUT.toSeconds());
        h.stopWorker(id, second);
    }

    /**
     * Found by the fault-injection suite: ZooKeeper restarted while a restarted worker waited for its crashed
     * predecessor's node. The restarted server gives every session it loads a full timeout again, so the dead session
     * outlived the wait (counted from before the restart) and the worker exited 5, "a running worker uses this id".
     */
    @Test
    void workerRestartedAfterKillServesAlsoWhenZooKeeperRestartsDuringItsWait() throws Exception {
        String stage = h.dummyStage("it-restart-zk", "TIME_SCALE=0\n");
        String next = h.queue("it-next");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        try (ChildWorker first = ChildWorker.start(services.dir().resolve("zk-first.log"), workerArgs(id))) {
            Await.until(WorkerHarness.WAIT, () -> h.exists(ZkPaths.workerConnected(id)), "child worker registered");
            h.awaitStatus(id, "IDLE");
            h.assign(id, stage);
            assertServes(stage, next, out, WorkerHarness.WAIT);
            first.killHard();
        }
        try (ChildWorker second = ChildWorker.start(services.dir().resolve("zk-second.log"), workerArgs(id))) {
            Await.until(WorkerHarness.WAIT, () -> second.logText().contains("still has its connected node"),
                    "the restarted worker waiting for the crashed one's node");
            h.zooKeeper.stop();
            // The outage is the fault: long enough that the dead session, given 10 s again when the server is back,
            // outlives a wait counted from before the outage (15 s).
            Thread.sleep(ZK_OUTAGE.toMillis());
            h.zooKeeper.restart();
            try {
                assertServes(stage, next, out, SESSION_TIMEOUT.plus(ZK_OUTAGE).plusSeconds(20));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; restarted worker alive=" + second.alive() + ", its log:\n"
                        + second.logText(), e);
            }
            assertTrue(second.alive(), "restarted worker is running, not refused:\n" + second.logText());
            assertTrue(second.logText().contains("restarted server gives its session a full timeout again"),
                    second.logText());
            h.zk.setData().forPath(ZkPaths.workerEnabled(id), io.pero.common.zk.ZkCodecs.text("false"));
            assertEquals(ExitCodes.OK, second.awaitExit(WorkerHarness.WAIT.toSeconds()));
        }
    }

    private static final Duration ZK_OUTAGE = Duration.ofSeconds(8);

    @Test
    void secondWorkerWithTheIdOfALiveWorkerIsRefusedAfterTheWaitWithItsOwnExitCode() throws Exception {
        String stage = h.dummyStage("it-twin", "TIME_SCALE=0\n");
        String next = h.queue("it-next");
        String out = h.queue("it-out");
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> live = h.startWorker(id);
        h.assign(id, stage);
        assertServes(stage, next, out, WorkerHarness.WAIT);

        CompletableFuture<Integer> twin = runInThisJvm(workerArgs(id));
        int code = twin.get(SESSION_TIMEOUT.plusSeconds(30).toSeconds(), TimeUnit.SECONDS);
        assertEquals(ExitCodes.ID_IN_USE, code, "duplicate id of a live worker");
        assertFalse(live.isDone(), "the live worker keeps running");
        assertTrue(h.exists(ZkPaths.workerConnected(id)), "the live worker's node is untouched");
        assertServes(stage, next, out, WorkerHarness.WAIT);
        h.stopWorker(id, live);
    }
}
