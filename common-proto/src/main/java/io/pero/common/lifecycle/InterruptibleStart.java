package io.pero.common.lifecycle;

/**
 * Lets a stop request cut a daemon's start-up short. Starting blocks in waits of tens of seconds while a server is down
 * (the ZooKeeper connect, the first broker connection, a stale session's expiry); a stop that arrives meanwhile (SIGTERM
 * from systemd, {@code enabled=false}) would otherwise sit those waits out and then end in a start-up error instead of
 * a clean stop. The stop interrupts the starting thread; {@link #end()} clears that interrupt again, so that the orderly
 * shutdown which follows is not cut short as well.
 */
public final class InterruptibleStart {
    private Thread starting;
    private boolean stopRequested;

    /** Marks the calling thread as starting; false when a stop came first, and the start should be skipped. */
    public synchronized boolean begin() {
        if (stopRequested) {
            return false;
        }
        starting = Thread.currentThread();
        return true;
    }

    /** The start is over, done or failed: a later stop no longer interrupts this thread. Call it in a finally block. */
    public synchronized void end() {
        if (starting == Thread.currentThread()) {
            starting = null;
            if (stopRequested) {
                Thread.interrupted();
            }
        }
    }

    /** A stop: interrupts the thread that is still starting, if any. */
    public synchronized void stop() {
        stopRequested = true;
        if (starting != null) {
            starting.interrupt();
        }
    }

    /** Whether a stop was requested: a start-up failure after it is the stop's doing, not an error to report. */
    public synchronized boolean stopRequested() {
        return stopRequested;
    }
}
