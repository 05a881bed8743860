package io.pero.local;

import io.pero.cli.CommandExecution;
import org.apache.sshd.common.util.security.SecurityUtils;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Entry point of {@code bin/pero-local}. */
public final class LocalMain {
    private static final long STOP_WAIT_SECONDS = 150;

    private LocalMain() {
    }

    public static void main(String[] args) {
        // Before anything logs: the services' own logging goes to a file (LocalLogging), the terminal shows progress
        // and the summary.
        if (System.getProperty(LocalLogging.LOG_FILE_PROPERTY) == null) {
            System.setProperty(LocalLogging.LOG_FILE_PROPERTY, LogFile.choose(args).toString());
        }
        // The embedded SFTP server's host key and the workers' SFTP client need nothing the JDK's own providers lack.
        // Registering BouncyCastle (what SSHD does by default) verifies its signed jar and builds its provider tables:
        // a second or more of CPU at every start, competing with the broker's start on a small machine.
        SecurityUtils.setAPrioriDisabledProvider(SecurityUtils.BOUNCY_CASTLE, true);
        System.exit(run(args));
    }

    /** Ctrl-C or SIGTERM stops the run, then the services, before the JVM exits. */
    static int run(String... args) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pero-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(System.out, System.err, stop, System.console() != null, args);
        } finally {
            finished.countDown();
        }
    }

    /** Runs until the pages are done (and, with {@code --keep-running}, until {@code stop} is counted down). */
    public static int run(PrintStream out, PrintStream err, CountDownLatch stop, boolean terminal, String... args) {
        return CommandExecution.execute(new LocalCommand(out, err, stop, terminal), out, err, args);
    }
}
