package io.pero.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * {@code bin/pero-local}'s logging, set up in code: everything the services log goes to one file
 * ({@value #LOG_FILE_PROPERTY}, set by {@link LocalMain}), only errors reach the terminal, where progress and the
 * summary are shown. Found by logback through {@code META-INF/services}; it acts only in a process {@link LocalMain}
 * started and when no {@code logback.configurationFile} is given, so tests and a user's own configuration are
 * untouched. Why not {@code logback.xml}: logback's XML configurator took 0.2-0.4 s of the start on the two-core
 * machine (it builds a model of the file and loads a few hundred classes), on the main thread, before anything else.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LocalLogging extends ContextAwareBase implements Configurator {
    /** The log file; set by {@link LocalMain} before anything logs. */
    static final String LOG_FILE_PROPERTY = "pero.local.log";
    private static final String USER_CONFIG_PROPERTY = "logback.configurationFile";
    private static final String FILE_PATTERN = "%d{\"yyyy-MM-dd HH:mm:ss,SSS\",UTC} %level [%thread] %logger{20} %msg%n";
    private static final String TERMINAL_PATTERN = "%d{\"HH:mm:ss\",UTC} %level %logger{0}: %msg%n";
    /** The libraries' own chatter stays out; our services log their steps at INFO. */
    private static final Map<String, Level> LEVELS = Map.of(
            "org.apache.qpid", Level.WARN,
            "qpid", Level.WARN,
            "org.apache.zookeeper", Level.WARN,
            "org.apache.curator", Level.WARN,
            "org.apache.sshd", Level.WARN,
            "io.pero", Level.INFO,
            // Each daemon's stop steps with their times: where the end of a run goes.
            "io.pero.common.lifecycle.ShutdownSequence", Level.DEBUG);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String file = System.getProperty(LOG_FILE_PROPERTY);
        if (file == null || System.getProperty(USER_CONFIG_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        FileAppender<ILoggingEvent> toFile = new FileAppender<>();
        toFile.setFile(file);
        ConsoleAppender<ILoggingEvent> toTerminal = new ConsoleAppender<>();
        toTerminal.setTarget("System.err");
        ThresholdFilter errorsOnly = new ThresholdFilter();
        errorsOnly.setLevel(Level.ERROR.toString());
        errorsOnly.setContext(context);
        errorsOnly.start();
        toTerminal.addFilter(errorsOnly);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(started(context, toFile, "FILE", FILE_PATTERN));
        root.addAppender(started(context, toTerminal, "STDERR", TERMINAL_PATTERN));
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static OutputStreamAppender<ILoggingEvent> started(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender,
            String name, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
