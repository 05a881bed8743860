package io.pero.worker.logging;

import ch.qos.logback.classic.LoggerContext;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runtime changes to the Logback configuration: the remote log appender (level and format: {@code LogbackSetup}). */
public final class LoggingSetup {
    private LoggingSetup() {
    }

    /** Attaches a remote appender for {@code workerId} to the root logger; empty when Logback is not the backend. */
    public static Optional<RemoteLogAppender> attachRemote(String workerId) {
        return context().map(c -> {
            RemoteLogAppender appender = new RemoteLogAppender(workerId);
            appender.setContext(c);
            appender.start();
            c.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
            return appender;
        });
    }

    public static void detach(RemoteLogAppender appender) {
        context().ifPresent(c -> c.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender));
        appender.stop();
    }

    private static Optional<LoggerContext> context() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        return factory instanceof LoggerContext c ? Optional.of(c) : Optional.empty();
    }
}
