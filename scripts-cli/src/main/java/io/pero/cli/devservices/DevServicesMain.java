package io.pero.cli.devservices;

import io.pero.cli.CommandExecution;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Entry point of {@code bin/pero-dev-services}. */
public final class DevServicesMain {
    private static final long STOP_WAIT_SECONDS = 10;

    private DevServicesMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs until Ctrl-C or SIGTERM (a JVM shutdown), then stops the services before the JVM exits. */
    public static int run(String... args) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pero-dev-services-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(System.out, System.err, stop, args);
        } finally {
            finished.countDown();
        }
    }

    /** Runs until {@code stop} is counted down. */
    public static int run(PrintStream out, PrintStream err, CountDownLatch stop, String... args) {
        return CommandExecution.execute(new DevServicesCommand(out, stop), out, err, args);
    }
}
