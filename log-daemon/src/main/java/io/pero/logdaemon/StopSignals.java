package io.pero.logdaemon;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM and SIGINT into a stop request, so the daemon finishes its shutdown and returns exit code 0. Left to
 * the JVM, these signals start the JVM's own shutdown, which ends the process with 143/130 whatever {@code main} returns.
 */
final class StopSignals implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private StopSignals() {
    }

    static StopSignals install(Runnable stop) {
        StopSignals signals = new StopSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal signal = new Signal(name);
                signals.previous.put(signal, Signal.handle(signal, s -> {
                    log.info("stop requested signal=SIG{}", name);
                    stop.run();
                }));
            } catch (IllegalArgumentException e) {
                // The JVM reserves the signal (e.g. -Xrs); the shutdown hook still stops the daemon, with exit 143/130.
                log.debug("cannot handle signal={} cause={}", name, e.getMessage());
            }
        }
        return signals;
    }

    /** Gives the signals back to whoever handled them before. */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
        previous.clear();
    }
}
