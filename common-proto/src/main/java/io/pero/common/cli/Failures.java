package io.pero.common.cli;

import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.common.config.ServiceUnavailableException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;

/**
 * The one mapping from a failure that ends a command or daemon to its exit code ({@link ExitCodes}, README "Exit codes")
 * and to the one-line {@code error: <what>: <why>} (STYLE.md).
 */
public final class Failures {
    private Failures() {
    }

    /** An exception that names its own exit code (e.g. a daemon identity held by a live process). */
    public interface WithExitCode {
        int exitCode();
    }

    public static int exitCode(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof WithExitCode own) {
            return own.exitCode();
        }
        if (e instanceof ConfigException) {
            return ExitCodes.BAD_CONFIG;
        }
        if (e instanceof ServiceUnavailableException || e instanceof ConnectException
                || e instanceof UnknownHostException || e instanceof KeeperException.ConnectionLossException
                || e instanceof KeeperException.SessionExpiredException || e instanceof TimeoutException) {
            return ExitCodes.UNREACHABLE;
        }
        if (e instanceof InterruptedException) {
            return ExitCodes.INTERRUPTED;
        }
        return ExitCodes.FAILED;
    }

    /**
     * Logs the failure that ends a daemon, as one line for the expected kinds (bad configuration, unreachable service, a
     * failure with its own code) and with its stack trace for anything else; returns its exit code.
     */
    public static int logged(Logger log, String command, Throwable failure) {
        int code = exitCode(failure);
        if (code == ExitCodes.FAILED) {
            log.error("{} failed cause={}", command, failure.toString(), failure);
        } else {
            log.error("stopping: {}", describe(command, failure));
        }
        return code;
    }

    /** The line printed on stderr, without the {@code error: } prefix. */
    public static String describe(String command, Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof ConfigException || e instanceof ServiceUnavailableException || e instanceof CommandFailedException
                || e instanceof WithExitCode) {
            return e.getMessage();
        }
        if (e instanceof InterruptedException) {
            return command + ": interrupted";
        }
        if (e instanceof KeeperException ke) {
            return command + ": ZooKeeper refused the operation on " + ke.getPath() + ": " + ke.code();
        }
        return command + ": " + why(e);
    }

    /** The first message along the cause chain (the AMQP client throws IOExceptions whose cause says what happened). */
    static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof ExecutionException || e instanceof CompletionException || e instanceof UncheckedIOException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
