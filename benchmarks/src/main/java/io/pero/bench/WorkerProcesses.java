package io.pero.bench;

import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.worker.WorkerMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workers in JVMs of their own ({@code WorkerMain.main}, as {@code bin/pero-worker} runs it), one per id, so that one can
 * be killed the way {@code kill -9} kills it (no shutdown hook, no session close, no ack) and started again under the same
 * id, as systemd does. Each process appends to {@code <logs>/<id>.log}. Exits nobody asked for are recorded.
 */
final class WorkerProcesses implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerProcesses.class);
    /** Small heap, C1 only and the serial collector: several worker JVMs share two cores with everything else. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final CuratorFramework zk;
    private final List<String> workerArgs;
    private final Path logs;
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final List<String> unexpectedExits = new ArrayList<>();

    /** {@code workerArgs}: everything but {@code -i ID} (ZooKeeper, cache directory, ...). */
    WorkerProcesses(CuratorFramework zk, List<String> workerArgs, Path logs) {
        this.zk = zk;
        this.workerArgs = List.copyOf(workerArgs);
        this.logs = logs;
    }

    synchronized void start(String id) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(), "-i", id));
        command.addAll(workerArgs);
        Files.createDirectories(logs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(id + ".log").toFile())).start();
        running.put(id, p);
    }

    /** SIGKILL, then the same id again at once, as a crash under {@code Restart=always} would. */
    synchronized void killAndRestart(String id) throws IOException, InterruptedException {
        Process p = running.get(id);
        if (p != null) {
            noteUnexpectedExit(id, p);
            p.destroyForcibly();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("worker " + id + " did not die after SIGKILL");
            }
        }
        start(id);
    }

    /** Workers that exited by themselves (not killed by this class), as {@code id exit N}. */
    synchronized List<String> unexpectedExits() {
        running.forEach(this::noteUnexpectedExit);
        return List.copyOf(unexpectedExits);
    }

    private void noteUnexpectedExit(String id, Process p) {
        if (!p.isAlive()) {
            String entry = id + " exit " + p.exitValue() + " (pid " + p.pid() + ")";
            if (!unexpectedExits.contains(entry)) {
                unexpectedExits.add(entry);
            }
        }
    }

    Path logFile(String id) {
        return logs.resolve(id + ".log");
    }

    /**
     * Stops every worker the way an operator does ({@code enabled=false}: finish the message in hand, ack, exit 0) and
     * the way systemd does (SIGTERM, the same orderly stop), then kills what has not ended within the stop timeout. The
     * signal is needed for a worker restarted moments ago: it writes {@code enabled=true} when it registers (spec), which
     * can land after our {@code false} and left it running until the kill.
     */
    @Override
    public synchronized void close() {
        unexpectedExits();
        for (String id : running.keySet()) {
            try {
                zk.create().orSetData().creatingParentsIfNeeded().forPath(ZkPaths.workerEnabled(id), ZkCodecs.text("false"));
            } catch (Exception e) {
                log.warn("cannot disable worker id={} cause={}", id, e.toString());
            }
        }
        running.values().forEach(Process::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Map.Entry<String, Process> e : running.entrySet()) {
            Process p = e.getValue();
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    log.warn("worker did not stop within {} s, killing it id={}", STOP_TIMEOUT.toSeconds(), e.getKey());
                    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                } else if (p.exitValue() != 0) {
                    log.warn("worker ended with a non-zero exit code id={} code={}", e.getKey(), p.exitValue());
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        running.clear();
    }
}
