package io.pero.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Iterator;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link LogSettings} to the running Logback configuration (each daemon's logback.xml): DEBUG for our loggers, and
 * for {@link LogFormat#JSON} a {@link JsonEncoder} on every console appender. Does nothing under another SLF4J binding.
 */
public final class LogbackSetup {
    private static final String OUR_LOGGERS = "io.pero";

    private LogbackSetup() {
    }

    public static void apply(LogSettings settings) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        if (settings.debug()) {
            // As the original: DEBUG for the daemon's own loggers, not for its libraries.
            context.getLogger(OUR_LOGGERS).setLevel(Level.DEBUG);
        }
        if (settings.format() == LogFormat.JSON) {
            context.getLoggerList().forEach(logger -> {
                for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                    if (it.next() instanceof ConsoleAppender<ILoggingEvent> console && !(console.getEncoder() instanceof JsonEncoder)) {
                        useJson(context, console);
                    }
                }
            });
        }
    }

    private static void useJson(LoggerContext context, ConsoleAppender<ILoggingEvent> console) {
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        // The formatted message is what the text line shows; the raw arguments would only repeat it, and the context
        // block (name, birth date, properties) is the same on every line.
        json.setWithFormattedMessage(true);
        json.setWithArguments(false);
        json.setWithContext(false);
        json.start();
        // Swapped in place: stopping the appender would close its stream (stderr) and drop lines logged meanwhile.
        console.setEncoder(json);
    }
}
