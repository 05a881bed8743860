package io.pero.logdaemon;

import io.pero.common.config.ConfigException;
import java.time.Clock;
import picocli.CommandLine;

/**
 * A log daemon inside this JVM, for the local all-in-one mode ({@code bin/pero-local}): the same options and daemon as
 * {@code pero-logd}, without its signal handlers and shutdown hook (the host process owns those); {@link #close()}
 * stops it after flushing and acking what was written.
 */
public final class InProcessLogDaemon implements AutoCloseable {
    private final LogDaemon daemon;

    private InProcessLogDaemon(LogDaemon daemon) {
        this.daemon = daemon;
    }

    /**
     * Starts draining with {@code pero-logd}'s options.
     *
     * @throws ConfigException (bad options or config), {@link io.pero.common.config.ServiceUnavailableException}
     */
    public static InProcessLogDaemon start(String... args) throws Exception {
        LogDaemonOptions options = new LogDaemonOptions();
        try {
            new CommandLine(options).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException("log daemon options: " + e.getMessage(), e);
        }
        LogDaemon daemon = new LogDaemon(LogDaemonConfigLoader.load(options), Clock.systemUTC());
        try {
            daemon.start();
        } catch (Exception | Error e) {
            daemon.close();
            throw e;
        }
        return new InProcessLogDaemon(daemon);
    }

    @Override
    public void close() {
        daemon.close();
    }
}
