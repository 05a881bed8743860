package io.pero.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A worker in its own JVM ({@code WorkerMain.main}, as {@code bin/pero-worker} runs it), so a test can kill it the way
 * a crash or {@code kill -9} does: no shutdown hook, no session close, no ack.
 */
final class ChildWorker implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildWorker(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildWorker start(Path log, String... workerArgs) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                WorkerMain.class.getName()));
        command.addAll(List.of(workerArgs));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ChildWorker(p, log);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, as kill -9: the JVM gets no chance to close its ZooKeeper session or its channels. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child worker did not die after SIGKILL");
        }
    }

    /** The exit code once it has exited by itself within {@code seconds}. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            String text = logText();
            throw new AssertionError("child worker still running after " + seconds + " s; its log ends:\n"
                    + text.substring(Math.max(0, text.length() - 6000)));
        }
        return process.exitValue();
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "<no log: " + e + ">";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard();
        }
    }
}
