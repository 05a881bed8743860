package io.pero.cli.publish;

import io.pero.cli.CommandExecution;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Entry point of {@code bin/pero-publisher}. */
public final class PublisherMain {
    private static final long STOP_WAIT_SECONDS = 10;

    private PublisherMain() {
    }

    public static void main(String[] args) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C or SIGTERM ends a -k download after the message in hand is written and acked.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pero-publisher-shutdown"));
        int code = run(System.out, System.err, stop, args);
        finished.countDown();
        System.exit(code);
    }

    public static int run(String... args) {
        return run(System.out, System.err, new CountDownLatch(1), args);
    }

    /** Runs the publisher; a {@code -k} download ends when {@code stop} is counted down. */
    public static int run(PrintStream out, PrintStream err, CountDownLatch stop, String... args) {
        return CommandExecution.execute(new PublisherCommand(out, stop), out, err, args);
    }
}
